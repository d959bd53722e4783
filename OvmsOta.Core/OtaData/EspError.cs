namespace OvmsOta.OtaData
{
    /// <summary>The esp_err_t values the boot-partition calls return (the numbers OVMS prints as "error #n").</summary>
    public static class EspError
    {
        public const int Ok = 0;
        public const int InvalidArg = 0x102;
        public const int NotFound = 0x105;
        public const int OtaValidateFailed = 0x1503;
        /// <summary>ESP_ERR_FLASH_OP_FAIL in IDF 3.3 (ESP_ERR_FLASH_BASE 0x10010 + 1).</summary>
        public const int FlashOpFail = 0x10011;
        /// <summary>ESP_ERR_FLASH_OP_TIMEOUT in IDF 3.3.</summary>
        public const int FlashOpTimeout = 0x10012;
    }
}

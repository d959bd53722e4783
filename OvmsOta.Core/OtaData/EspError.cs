namespace OvmsOta.OtaData
{
    /// <summary>
    /// The esp_err_t values OVMS prints as "ESP32 error #n" (reference 4a: the numbers seen in its output) and the
    /// boot-partition calls return. One table: a failed flash step and a failed boot switch print the same number.
    /// </summary>
    public static class EspError
    {
        public const int Ok = 0;
        public const int NoMem = 0x101;
        public const int InvalidArg = 0x102;
        public const int InvalidState = 0x103;
        public const int InvalidSize = 0x104;
        public const int NotFound = 0x105;
        public const int OtaPartitionConflict = 0x1501;
        public const int OtaValidateFailed = 0x1503;
        /// <summary>ESP_ERR_FLASH_OP_FAIL: 24577, as OVMS prints it (ESP_ERR_FLASH_BASE 0x6000 + 1).</summary>
        public const int FlashOpFail = 0x6001;
        /// <summary>ESP_ERR_FLASH_OP_TIMEOUT: 24578.</summary>
        public const int FlashOpTimeout = 0x6002;
    }
}

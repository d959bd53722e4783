namespace OvmsOta.Firmware.Bindings
{
    /// <summary>Names of the esp_err_t codes the native library passes back (esp_err.h, esp_flash_err.h).</summary>
    public static class EspErrors
    {
        public const int Ok = 0;
        public const int Fail = -1;
        public const int NoMem = 0x101;
        public const int InvalidArg = 0x102;
        public const int InvalidState = 0x103;
        public const int InvalidSize = 0x104;
        public const int NotFound = 0x105;
        public const int NotSupported = 0x106;
        public const int Timeout = 0x107;
        public const int NotAllowed = 0x10D;
        public const int FlashOpFail = 0x6001;
        public const int FlashOpTimeout = 0x6002;

        private static readonly int[] Codes = new int[]
        {
            Ok, Fail, NoMem, InvalidArg, InvalidState, InvalidSize, NotFound, NotSupported, Timeout, NotAllowed,
            FlashOpFail, FlashOpTimeout,
        };

        private static readonly string[] Names = new string[]
        {
            "ESP_OK", "ESP_FAIL", "ESP_ERR_NO_MEM", "ESP_ERR_INVALID_ARG", "ESP_ERR_INVALID_STATE", "ESP_ERR_INVALID_SIZE",
            "ESP_ERR_NOT_FOUND", "ESP_ERR_NOT_SUPPORTED", "ESP_ERR_TIMEOUT", "ESP_ERR_NOT_ALLOWED",
            "ESP_ERR_FLASH_OP_FAIL", "ESP_ERR_FLASH_OP_TIMEOUT",
        };

        /// <summary>"ESP_ERR_NOT_ALLOWED (0x10D)"; an unknown code as "esp_err_t 0x1234"; ESP_FAIL as "ESP_FAIL (-1)".</summary>
        public static string Describe(int code)
        {
            string hex = code < 0 ? code.ToString() : "0x" + code.ToString("X");
            for (int i = 0; i < Codes.Length; i++)
            {
                if (Codes[i] == code)
                    return Names[i] + " (" + hex + ")";
            }
            return "esp_err_t " + hex;
        }
    }
}

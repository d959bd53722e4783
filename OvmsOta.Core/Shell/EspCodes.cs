namespace OvmsOta.Shell
{
    /// <summary>The ESP-IDF error numbers OVMS prints for flash steps (reference section 4a).</summary>
    public static class EspCodes
    {
        public const int NoMem = 257;
        public const int InvalidArg = 258;
        public const int InvalidState = 259;
        public const int InvalidSize = 260;
        public const int NotFound = 261;
        public const int OtaPartitionConflict = 5377;
        public const int OtaValidateFailed = 5379;
        public const int FlashOpFail = 24577;
        public const int FlashOpTimeout = 24578;
    }
}

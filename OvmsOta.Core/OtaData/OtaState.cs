namespace OvmsOta.OtaData
{
    /// <summary>esp_ota_img_states_t: the ota_state field of an otadata entry.</summary>
    public static class OtaState
    {
        /// <summary>Written by a switch with rollback on; the bootloader turns it into PendingVerify on the first boot.</summary>
        public const uint New = 0x0;
        /// <summary>Booted once, not yet confirmed; a bootloader with rollback on turns it into Aborted on the next reset.</summary>
        public const uint PendingVerify = 0x1;
        public const uint Valid = 0x2;
        public const uint Invalid = 0x3;
        public const uint Aborted = 0x4;
        /// <summary>Written by a switch with rollback off (the OVMS configuration); bootloaders without rollback ignore states.</summary>
        public const uint Undefined = 0xFFFFFFFF;

        public static string Name(uint state)
        {
            switch (state)
            {
                case New: return "NEW";
                case PendingVerify: return "PENDING_VERIFY";
                case Valid: return "VALID";
                case Invalid: return "INVALID";
                case Aborted: return "ABORTED";
                case Undefined: return "UNDEFINED";
                default: return "0x" + state.ToString("x8");
            }
        }
    }
}

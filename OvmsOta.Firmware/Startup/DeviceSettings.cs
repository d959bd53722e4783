namespace OvmsOta.Firmware.Startup
{
    /// <summary>
    /// Fixed facts of this firmware build. The version parts are what `ota status` prints and what the update server
    /// compares against; a release build should stamp them (not done yet: placeholders).
    /// </summary>
    public static class DeviceSettings
    {
        public const string Version = "3.3.005-0-govmsota";
        public const string IdfVersion = "v5.5.4";
        public const string BuildDate = "Jan  1 2026";
        public const string BuildTime = "00:00:00";
        public const string BuildTag = "main";

        /// <summary>m.hardware of an OVMS v3.1 module as nanoFramework runs it (no modem driver).</summary>
        public const string Hardware = "OVMS WIFI BLE BT cores=2 rev=ESP32/3";
        public const string HardwareBuild = "3.1";
        public const int ChipRevision = 3;

        /// <summary>Local time = UTC + this (no time-zone rules on nanoFramework).</summary>
        public const int UtcOffsetMinutes = 0;

        /// <summary>The `ota` shell (raw TCP) and the HTTP push endpoint.</summary>
        public const int ShellPort = 2323;
        public const int PushPort = 80;

        /// <summary>
        /// A logged-in shell client idle this long is dropped. Tighter limits come first: head or login within 10 s, a
        /// minimum body rate, a read-only session for 60 s (Core's ConnectionDeadline, ShellSession).
        /// </summary>
        public const int ClientTimeoutMilliseconds = 10 * 60 * 1000;

        /// <summary>How often the commit watchdog is ticked (its deadline is 10 minutes by default).</summary>
        public const int WatchdogTickMilliseconds = 30 * 1000;

        /// <summary>OVMS's ticker.600: the nightly job's tick.</summary>
        public const int NightlyTickMilliseconds = 10 * 60 * 1000;
    }
}

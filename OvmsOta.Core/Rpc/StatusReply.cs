namespace OvmsOta.Rpc
{
    /// <summary>OTA.Status: what `ota status` shows, as JSON, plus the settings and the last RPC update for the web page.</summary>
    public sealed class StatusReply
    {
        public string hardware { get; set; }
        /// <summary>OVMS's m.version: "3.3.005-925-g.../ota_1/main (build ..., product v3.3-5)".</summary>
        public string firmware { get; set; }
        /// <summary>The running image's bare version.</summary>
        public string version { get; set; }
        public string partition_type { get; set; }
        public string running { get; set; }
        public string boot { get; set; }
        public SlotState[] slots { get; set; }
        public TrialState trial { get; set; }
        /// <summary>What the boot's commit watchdog found (an update that rolled back), or null.</summary>
        public string boot_report { get; set; }
        /// <summary>The running flash operation's status text ("" when none) and percent.</summary>
        public string status { get; set; }
        public int percent { get; set; }
        public bool busy { get; set; }
        public ServerState server { get; set; }
        public string tag { get; set; }
        public bool auto_update { get; set; }
        public int auto_hour { get; set; }
        public int commit_timeout { get; set; }
        public bool push_enabled { get; set; }
        public UpdateOutcome last_update { get; set; }
    }
}

namespace OvmsOta.Rpc
{
    /// <summary>The running image's trial in OTA.Status: on trial or not, time left, what sends it back, the last note.</summary>
    public sealed class TrialState
    {
        public bool on_trial { get; set; }
        public int seconds_left { get; set; }
        public string guard { get; set; }
        public string note { get; set; }
        /// <summary>The `Trial:` line of `ota status`.</summary>
        public string text { get; set; }
    }
}

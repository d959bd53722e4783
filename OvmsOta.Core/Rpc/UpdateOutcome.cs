namespace OvmsOta.Rpc
{
    /// <summary>
    /// The last update started over RPC (OTA.Update): state "none", "running", "done" or "failed", its source, the
    /// shell's lines of it (OVMS's texts) and the error lines when it failed.
    /// </summary>
    public sealed class UpdateOutcome
    {
        public string state { get; set; }
        public string source { get; set; }
        public string text { get; set; }
        public string error { get; set; }
    }
}

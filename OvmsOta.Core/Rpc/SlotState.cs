namespace OvmsOta.Rpc
{
    /// <summary>One app partition in OTA.Status: label, the OVMS version in it ("" when none), running or next boot.</summary>
    public sealed class SlotState
    {
        public string label { get; set; }
        public string version { get; set; }
        public bool running { get; set; }
        public bool boot { get; set; }
    }
}

namespace OvmsOta.Rpc
{
    /// <summary>OTA.Status's argument: check the update server too (a .ver download, as `ota status`; slow on a modem).</summary>
    public sealed class StatusArgs
    {
        public bool check { get; set; }
    }
}

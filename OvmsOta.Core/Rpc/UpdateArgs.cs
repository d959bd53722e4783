namespace OvmsOta.Rpc
{
    /// <summary>OTA.Update's arguments, Mongoose OS's names: the image URL (empty: the update server's) and this update's trial time.</summary>
    public sealed class UpdateArgs
    {
        public string url { get; set; }
        /// <summary>Seconds the new image may run unconfirmed (60-86400); 0 or absent: `ota commit.timeout`.</summary>
        public int commit_timeout { get; set; }
    }
}

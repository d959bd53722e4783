namespace OvmsOta.Rpc
{
    /// <summary>The update server in OTA.Status: its version and whether it is newer (only when asked to check), or why not.</summary>
    public sealed class ServerState
    {
        public bool @checked { get; set; }
        public string version { get; set; }
        public bool is_newer { get; set; }
        public string changelog { get; set; }
        public string error { get; set; }
        /// <summary>The image URL `ota flash http` (and OTA.Update without a url) downloads.</summary>
        public string image_url { get; set; }
    }
}

namespace OvmsOta.UpdateServer
{
    /// <summary>
    /// The update URLs exactly as OVMS builds them: &lt;server&gt;/&lt;product&gt;/&lt;tag&gt;/ovms3.bin and .ver.
    /// The server is used as configured (no scheme added, no trailing slash removed), as the firmware does.
    /// </summary>
    public static class UpdateUrl
    {
        /// <summary>Used when config "ota server" is empty.</summary>
        public const string DefaultServer = "api.openvehicles.com/firmware/ota";

        /// <summary>The build tag, used when config "ota tag" is empty.</summary>
        public const string DefaultTag = "main";

        public const string ImageFileName = "ovms3.bin";
        public const string VersionFileName = "ovms3.ver";

        /// <summary>
        /// A firmware bundle (OvmsOta's device layout), beside the image: &lt;server&gt;/&lt;product&gt;/&lt;tag&gt;/fw.zip,
        /// announced by the same ovms3.ver (its first line is the bundle's manifest version).
        /// </summary>
        public const string BundleFileName = "fw.zip";

        /// <summary>URL of the firmware image for a product and channel.</summary>
        public static string Image(string server, string product, string tag)
        {
            return Build(server, product, tag, ImageFileName);
        }

        /// <summary>URL of the firmware bundle for a product and channel.</summary>
        public static string Bundle(string server, string product, string tag)
        {
            return Build(server, product, tag, BundleFileName);
        }

        /// <summary>URL of the .ver file next to the image.</summary>
        public static string Version(string server, string product, string tag)
        {
            return Build(server, product, tag, VersionFileName);
        }

        static string Build(string server, string product, string tag, string file)
        {
            if (server == null || server.Length == 0)
                server = DefaultServer;
            if (tag == null || tag.Length == 0)
                tag = DefaultTag;
            return server + "/" + product + "/" + tag + "/" + file;
        }
    }
}

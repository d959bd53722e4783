using OvmsOta.Config;
using OvmsOta.Partitions;
using OvmsOta.Ports;
using OvmsOta.UpdateServer;

namespace OvmsOta.Engine
{
    /// <summary>
    /// The module as the update server sees it: the fetcher (with OVMS's user agent), the channel (tag), the product
    /// directory, the running version and the URLs built from them, and whether the network is up to reach it.
    /// </summary>
    public sealed class UpdateServerInfo
    {
        private readonly ModuleSlots _slots;
        private readonly HttpFetcher _fetcher;
        private readonly ResumableDownload _download;
        private readonly INetworkStatus _network;
        private readonly HardwareInfo _hardware;
        private readonly FirmwareIdentity _firmware;
        private readonly ConfigStore _configStore;
        private readonly OtaConfig _config;
        private string _announcedVersion;
        private string _imageVersion;

        /// <summary>configStore and config may be null only while the engine starts with an unreadable store.</summary>
        public UpdateServerInfo(ModuleSlots slots, IHttpTransport http, IMonotonicClock clock, INetworkStatus network,
            HardwareInfo hardware, FirmwareIdentity firmware, ConfigStore configStore, OtaConfig config, IDeflateDecoder deflate)
        {
            _slots = slots;
            _fetcher = new HttpFetcher(http, clock, null);
            _download = new ResumableDownload(_fetcher, deflate);
            _network = network;
            _hardware = hardware;
            _firmware = firmware;
            _configStore = configStore;
            _config = config;
        }

        public HttpFetcher Fetcher { get { return _fetcher; } }

        /// <summary>
        /// Image downloads: version first, resumed with Range after a drop, the compressed copy when the platform can
        /// inflate (<see cref="OtaPlatform.Deflate"/>).
        /// </summary>
        public ResumableDownload Download { get { return _download; } }

        /// <summary>The channel: config "ota tag", else the build tag.</summary>
        public string Tag
        {
            get
            {
                if (_configStore.Stored(ConfigParams.Ota, ConfigParams.Tag) != null)
                    return _config.Tag;
                string build = _firmware.BuildTag;
                return build != null && build.Length > 0 ? build : UpdateUrl.DefaultTag;
            }
        }

        /// <summary>The update server's product directory (v3.3, v3.3-5 ...).</summary>
        public string Product
        {
            get
            {
                // The device table keeps the v3-35 directory: the same module and store, only its slots differ.
                OvmsLayout layout = _slots.Layout == OvmsLayout.Device ? OvmsLayout.V3_35 : _slots.Layout;
                return OvmsProduct.Name(_hardware.Build, _hardware.ChipRevision, OvmsLayouts.Describe(layout));
            }
        }

        /// <summary>OVMS's m.version: "3.3.005-925-g3e67d4e6d-dirty/ota_1/edge (build idf ... , product v3.3-5)".</summary>
        public string FullVersion
        {
            get
            {
                return OvmsVersion.Full(_firmware.Version, _slots.RunningLabel, Tag, _firmware.IdfVersion, _firmware.BuildDate,
                    _firmware.BuildTime, Product);
            }
        }

        public string UserAgent
        {
            get { return OvmsVersion.UserAgent(Product, _firmware.VehicleId, FullVersion); }
        }

        /// <summary>
        /// The default image URL: &lt;server&gt;/&lt;product&gt;/&lt;tag&gt;/ovms3.bin, as OVMS builds it; on OvmsOta's
        /// device layout (slots paired with deploy_N) the bundle beside it, fw.zip.
        /// </summary>
        public string ImageUrl
        {
            get
            {
                return _slots.DeployFor(_slots.NextTarget()) != null ? UpdateUrl.Bundle(Server, Product, Tag) : UpdateUrl.Image(Server, Product, Tag);
            }
        }

        public string VersionUrl
        {
            get { return UpdateUrl.Version(Server, Product, Tag); }
        }

        /// <summary>Config "ota server" as the URL uses it: empty when unset (then OVMS's default server).</summary>
        public string Server
        {
            get { return _configStore.Stored(ConfigParams.Ota, ConfigParams.Server) != null ? _config.Server : string.Empty; }
        }

        /// <summary>
        /// An update for the announced version found another version in the server's image (the automatic update
        /// refused it). Kept until the module restarts; a later .ver with another version makes it moot.
        /// </summary>
        public void RecordImageVersion(string announced, string found)
        {
            _imageVersion = found;
            _announcedVersion = announced;
        }

        /// <summary>The version found in the image the server offers for announced, when an update found it differs; else null.</summary>
        public string ImageVersionFor(string announced)
        {
            string recorded = _announcedVersion;
            return recorded != null && recorded == announced ? _imageVersion : null;
        }

        /// <summary>True when wifi or the modem is connected (the server check needs either).</summary>
        public bool NetworkUp
        {
            get { return _network.WifiConnected || _network.ModemConnected; }
        }

        /// <summary>True when wifi is connected (the nightly job needs it unless auto.allow.modem).</summary>
        public bool WifiConnected
        {
            get { return _network.WifiConnected; }
        }
    }
}

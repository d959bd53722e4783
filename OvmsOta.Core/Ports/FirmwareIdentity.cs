using OvmsOta.UpdateServer;

namespace OvmsOta.Ports
{
    /// <summary>The running firmware's own version parts (OVMS_VERSION, IDF version, build date) and the vehicle id.</summary>
    public sealed class FirmwareIdentity
    {
        /// <summary>git describe of the build, e.g. "3.3.005-925-g3e67d4e6d-dirty".</summary>
        public string Version;

        /// <summary>e.g. "v3.3.4-854-g9063c8662c".</summary>
        public string IdfVersion;

        /// <summary>__DATE__ form, "May 13 2026" (<see cref="OvmsOta.UpdateServer.OvmsVersion.CompilerDate"/>).</summary>
        public string BuildDate;

        /// <summary>__TIME__ form, "20:13:48".</summary>
        public string BuildTime;

        /// <summary>The build's default channel (CONFIG_OVMS_VERSION_TAG), used when config "ota tag" is empty.</summary>
        public string BuildTag;

        /// <summary>Vehicle id for the User-Agent.</summary>
        public string VehicleId;

        public FirmwareIdentity(string version, string idfVersion, string buildDate, string buildTime)
        {
            Version = version;
            IdfVersion = idfVersion;
            BuildDate = buildDate;
            BuildTime = buildTime;
            BuildTag = "main";
            VehicleId = "OVMS";
        }
    }
}

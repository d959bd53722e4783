namespace OvmsOta.Shell
{
    /// <summary>Settings held in memory with OVMS's defaults (tests; the engine until the config store lands).</summary>
    public sealed class MemoryOtaSettings : IOtaSettings
    {
        public bool Auto = true;
        public int Hour = 2;
        public bool Modem;
        public string ServerValue = string.Empty;
        public string TagValue = string.Empty;
        private string _httpMru = string.Empty;
        private string _vfsMru = string.Empty;

        public bool AutoEnabled { get { return Auto; } }
        public int AutoHour { get { return Hour; } }
        public bool AllowModem { get { return Modem; } }
        public string Server { get { return ServerValue; } }
        public string Tag { get { return TagValue; } }
        public string HttpMru { get { return _httpMru; } set { _httpMru = value; } }
        public string VfsMru { get { return _vfsMru; } set { _vfsMru = value; } }
    }
}

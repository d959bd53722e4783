namespace OvmsOta.Config
{
    /// <summary>One stored value: param, instance and value as text.</summary>
    public sealed class ConfigEntry
    {
        private readonly string _param;
        private readonly string _instance;
        private readonly string _value;

        public ConfigEntry(string param, string instance, string value)
        {
            _param = param;
            _instance = instance;
            _value = value;
        }

        public string Param { get { return _param; } }
        public string Instance { get { return _instance; } }
        public string Value { get { return _value; } }

        public bool Is(string param, string instance) { return _param == param && _instance == instance; }
    }
}

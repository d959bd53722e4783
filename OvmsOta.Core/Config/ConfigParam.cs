namespace OvmsOta.Config
{
    /// <summary>One known configuration value: param and instance as OVMS names them, its kind, default and bounds.</summary>
    public sealed class ConfigParam
    {
        private readonly string _param;
        private readonly string _instance;
        private readonly ConfigKind _kind;
        private readonly string _default;
        private readonly int _min;
        private readonly int _max;
        private readonly string _unit;

        public ConfigParam(string param, string instance, ConfigKind kind, string defaultValue, int min, int max, string unit)
        {
            _unit = unit;
            _param = param;
            _instance = instance;
            _kind = kind;
            _default = defaultValue;
            _min = min;
            _max = max;
        }

        public string Param { get { return _param; } }
        public string Instance { get { return _instance; } }
        public ConfigKind Kind { get { return _kind; } }

        /// <summary>The value in effect while the instance is not set (for a Bool "yes" or "no"; "" = none).</summary>
        public string Default { get { return _default; } }

        /// <summary>Lowest allowed number (Int) or length (Tag, Secret).</summary>
        public int Min { get { return _min; } }

        /// <summary>Highest allowed number (Int) or length (Tag, Secret).</summary>
        public int Max { get { return _max; } }

        /// <summary>What an Int counts ("seconds", "hour of the day"), shown in refusals; "" for none.</summary>
        public string Unit { get { return _unit; } }

        /// <summary>"ota auto.hour": how messages name it.</summary>
        public string Name { get { return _param + " " + _instance; } }
    }
}

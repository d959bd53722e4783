namespace OvmsOta.Config
{
    /// <summary>
    /// The configuration as the engine and the config command see it: the values of <see cref="ConfigParams"/> over a
    /// <see cref="ConfigRegion"/>. Loaded once when made (a blank or unreadable store reads as all defaults). A change
    /// is checked completely (known parameter, valid value, room) before flash is touched, then written as one new
    /// copy; the values in memory change only after that write returned. Refusals throw <see cref="ConfigException"/>.
    /// </summary>
    public sealed class ConfigStore
    {
        private readonly ConfigRegion _region;
        private ConfigEntries _entries;
        private string _warning;
        private int _used;

        /// <summary>Reads the region (two copy reads, no writes).</summary>
        public ConfigStore(ConfigRegion region)
        {
            if (region == null)
                throw new System.ArgumentNullException("region");
            _region = region;
            ConfigRegionState state = region.Read();
            _entries = ConfigEntries.Decode(state.Payload);
            _used = state.Payload.Length;
            _warning = state.Warning;
            if (_warning == null && _entries.SkippedLines > 0)
                _warning = ConfigTexts.LinesSkipped(_entries.SkippedLines);
        }

        public ConfigRegion Region { get { return _region; } }

        /// <summary>Null, or what went wrong reading the store at start (shown by config list; cleared by a write).</summary>
        public string Warning { get { return _warning; } }

        /// <summary>Payload bytes in use and the most a copy holds.</summary>
        public int Used { get { return _used; } }
        public int Capacity { get { return _region.Capacity; } }

        /// <summary>The stored text of param/instance, or null when it is not set (unknown ones are never set).</summary>
        public string Stored(string param, string instance)
        {
            return _entries.Get(param, instance);
        }

        /// <summary>The value in effect: the stored one, else the default. Throws ConfigException when unknown.</summary>
        public string Value(string param, string instance)
        {
            ConfigParam p = Known(param, instance);
            string stored = _entries.Get(param, instance);
            return stored ?? p.Default;
        }

        /// <summary>A boolean as OVMS reads it: true for yes, 1 and true; the default when not set.</summary>
        public bool GetBool(string param, string instance)
        {
            return ConfigValidation.ReadsTrue(Value(param, instance));
        }

        /// <summary>A number; the default when not set or when the stored text is not a number in range.</summary>
        public int GetInt(string param, string instance)
        {
            ConfigParam p = Known(param, instance);
            int value = ConfigValidation.ParseWhole(Value(param, instance));
            return value < p.Min || value > p.Max ? ConfigValidation.ParseWhole(p.Default) : value;
        }

        /// <summary>
        /// config set: checks and stores value ("" = back to the default, as rm). Returns false, writing nothing,
        /// when the stored value would not change. Throws ConfigException (nothing written) for an unknown
        /// param/instance, a bad value or a configuration that would not fit a copy.
        /// </summary>
        public bool Set(string param, string instance, string value)
        {
            ConfigParam p = Known(param, instance);
            if (value == null || value.Length == 0)
                return Remove(param, instance);
            string stored = ConfigValidation.Normalize(p, value);
            if (stored == _entries.Get(param, instance))
                return false;
            Commit(_entries.With(param, instance, stored), p.Name);
            return true;
        }

        /// <summary>config rm: back to the default. False, writing nothing, when it was not set.</summary>
        public bool Remove(string param, string instance)
        {
            ConfigParam p = Known(param, instance);
            if (_entries.Get(param, instance) == null)
                return false;
            Commit(_entries.With(param, instance, null), p.Name);
            return true;
        }

        /// <summary>config rm param *: every instance of param back to its default; returns how many were set.</summary>
        public int RemoveAll(string param)
        {
            if (!ConfigParams.IsParam(param))
                throw new ConfigException(ConfigTexts.UnknownParam(ConfigParams.ParamList()));
            ConfigEntries remaining = _entries.WithoutParam(param);
            int removed = _entries.Count - remaining.Count;
            if (removed > 0)
                Commit(remaining, param);
            return removed;
        }

        /// <summary>The definition of param/instance, or ConfigException naming what is known.</summary>
        public static ConfigParam Known(string param, string instance)
        {
            if (!ConfigParams.IsParam(param))
                throw new ConfigException(ConfigTexts.UnknownParam(ConfigParams.ParamList()));
            ConfigParam p = ConfigParams.Find(param, instance);
            if (p == null)
                throw new ConfigException(ConfigTexts.UnknownInstance(param, instance, ConfigParams.InstanceList(param)));
            return p;
        }

        private void Commit(ConfigEntries next, string name)
        {
            byte[] payload = next.Encode();
            if (payload.Length > _region.Capacity)
                throw new ConfigException(ConfigTexts.NoRoom(name, payload.Length, _region.Capacity));
            _region.Write(payload, payload.Length);
            _entries = next;
            _used = payload.Length;
            _warning = null;
        }
    }
}

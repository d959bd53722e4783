namespace OvmsOta.Config
{
    /// <summary>
    /// The OTA settings as the engine reads them (OVMS's meanings, ../shared/reference/ovms-ota.md section 2), typed,
    /// with defaults applied, over a <see cref="ConfigStore"/>. The nightly job, the URL builder, the commit watchdog
    /// and the push endpoint read these; a successful flash records its source with <see cref="SetHttpMru"/> or
    /// <see cref="SetVfsMru"/>.
    /// </summary>
    public sealed class OtaConfig
    {
        private readonly ConfigStore _store;

        public OtaConfig(ConfigStore store)
        {
            if (store == null)
                throw new System.ArgumentNullException("store");
            _store = store;
        }

        public ConfigStore Store { get { return _store; } }

        /// <summary>auto ota: the nightly automatic update is on (default yes).</summary>
        public bool AutoEnabled { get { return _store.GetBool(ConfigParams.Auto, ConfigParams.AutoOta); } }

        /// <summary>ota auto.hour: local hour (0-23) of the nightly check (default 2).</summary>
        public int AutoHour { get { return _store.GetInt(ConfigParams.Ota, ConfigParams.AutoHour); } }

        /// <summary>ota auto.allow.modem: the automatic update may download over the modem (default no).</summary>
        public bool AllowModem { get { return _store.GetBool(ConfigParams.Ota, ConfigParams.AllowModem); } }

        /// <summary>ota server as stored, with any http:// or https:// prefix; api.openvehicles.com/firmware/ota when unset.</summary>
        public string Server { get { return _store.Value(ConfigParams.Ota, ConfigParams.Server); } }

        /// <summary>ota tag: the build channel (default main).</summary>
        public string Tag { get { return _store.Value(ConfigParams.Ota, ConfigParams.Tag); } }

        /// <summary>ota commit.auto: confirm a trial image by itself once the health checks pass (default yes).</summary>
        public bool CommitAuto { get { return _store.GetBool(ConfigParams.Ota, ConfigParams.CommitAuto); } }

        /// <summary>ota commit.timeout: seconds a new image has to be confirmed before it rolls back (default 600).</summary>
        public int CommitTimeoutSeconds { get { return _store.GetInt(ConfigParams.Ota, ConfigParams.CommitTimeout); } }

        /// <summary>ota push.secret: the HTTP push endpoint's shared secret; "" = push disabled.</summary>
        public string PushSecret { get { return _store.Value(ConfigParams.Ota, ConfigParams.PushSecret); } }

        public bool PushEnabled { get { return PushSecret.Length > 0; } }

        /// <summary>password module: what `enable` asks for; "" = `enable` needs none (as on OVMS).</summary>
        public string ModulePassword { get { return _store.Value(ConfigParams.Password, ConfigParams.Module); } }

        /// <summary>ota parttype.notified: the outdated-partitioning notification was sent (default no).</summary>
        public bool ParttypeNotified { get { return _store.GetBool(ConfigParams.Ota, ConfigParams.ParttypeNotified); } }

        /// <summary>ota parttype.notifyversion: the notification is sent only from this running version on (default 3.3.006).</summary>
        public string ParttypeNotifyVersion { get { return _store.Value(ConfigParams.Ota, ConfigParams.ParttypeNotifyVersion); } }

        /// <summary>Records that the partition-type notification went out (OVMS sets ota parttype.notified yes).</summary>
        public void SetParttypeNotified() { _store.Set(ConfigParams.Ota, ConfigParams.ParttypeNotified, "yes"); }
        /// <summary>ota signing.keys: the trusted public-key digests ("" = signatures are not checked).</summary>
        public string SigningKeys { get { return _store.Value(ConfigParams.Ota, ConfigParams.SigningKeys); } }

        /// <summary>ota signing.revoked: key digests refused even when listed as trusted.</summary>
        public string SigningRevoked { get { return _store.Value(ConfigParams.Ota, ConfigParams.SigningRevoked); } }

        /// <summary>ota signing.required (default yes): once a key is set, an unsigned image is refused.</summary>
        public bool SigningRequired { get { return _store.GetBool(ConfigParams.Ota, ConfigParams.SigningRequired); } }

        /// <summary>ota signing.min_secure_version: the anti-rollback minimum, raised when an image is committed.</summary>
        public int MinSecureVersion { get { return _store.GetInt(ConfigParams.Ota, ConfigParams.MinSecureVersion); } }

        /// <summary>Raises ota signing.min_secure_version to value; never lowers it (no write when not higher).</summary>
        public bool RaiseMinSecureVersion(int value)
        {
            if (value <= MinSecureVersion)
                return false;
            return _store.Set(ConfigParams.Ota, ConfigParams.MinSecureVersion, value.ToString());
        }

        /// <summary>ota http.mru: the last URL flashed successfully, "" when none.</summary>
        public string HttpMru { get { return _store.Value(ConfigParams.Ota, ConfigParams.HttpMru); } }

        /// <summary>ota vfs.mru: the last file flashed successfully, "" when none.</summary>
        public string VfsMru { get { return _store.Value(ConfigParams.Ota, ConfigParams.VfsMru); } }

        /// <summary>Records url as ota http.mru (no write when unchanged). Throws ConfigException if it would not fit.</summary>
        public void SetHttpMru(string url) { _store.Set(ConfigParams.Ota, ConfigParams.HttpMru, url); }

        /// <summary>Records path as ota vfs.mru (no write when unchanged). Throws ConfigException if it would not fit.</summary>
        public void SetVfsMru(string path) { _store.Set(ConfigParams.Ota, ConfigParams.VfsMru, path); }
    }
}

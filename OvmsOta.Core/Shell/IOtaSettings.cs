namespace OvmsOta.Shell
{
    /// <summary>
    /// The OVMS "ota" / "auto" parameters the shell and the nightly job read (reference section 2), with OVMS's
    /// defaults applied by the implementation. TODO(config): backed by OvmsOta.Config's store once it lands.
    /// </summary>
    public interface IOtaSettings
    {
        /// <summary>auto / ota, default true.</summary>
        bool AutoEnabled { get; }

        /// <summary>ota / auto.hour, default 2.</summary>
        int AutoHour { get; }

        /// <summary>ota / auto.allow.modem, default false.</summary>
        bool AllowModem { get; }

        /// <summary>ota / server, empty = api.openvehicles.com/firmware/ota.</summary>
        string Server { get; }

        /// <summary>ota / tag, empty = the build tag.</summary>
        string Tag { get; }

        /// <summary>ota / http.mru, the last URL flashed.</summary>
        string HttpMru { get; set; }

        /// <summary>ota / vfs.mru, the last file flashed.</summary>
        string VfsMru { get; set; }
    }
}

using OvmsOta.Boot;
using OvmsOta.Image;
using OvmsOta.Ports;
using OvmsOta.Signing;

namespace OvmsOta.Engine
{
    /// <summary>
    /// Everything the engine needs from the device or the host, set field by field and handed to
    /// <see cref="OtaEngine"/>. Required: Flash, RunningPartition, Http, MonotonicClock, WallClock, Network,
    /// Hardware, Firmware. The rest have defaults (managed SHA-256 and checksum, a thread per background job,
    /// OVMS's always-reboot policy, no log, no notifications, no files).
    /// </summary>
    public sealed class OtaPlatform
    {
        /// <summary>The whole flash device; the partition table is read from it at 0x8000 (or 0x9000).</summary>
        public IFlash Flash;

        /// <summary>Label of the partition the code runs from ("ota_0", "ota_1", "factory"); null when unknown.</summary>
        public string RunningPartition;

        /// <summary>SHA-256 for image checks (native on the device). Default: <see cref="ManagedSha256"/>.</summary>
        public ISha256 Sha256;

        /// <summary>The image checksum fold (native on the device). Default: <see cref="ManagedChecksumFold"/>.</summary>
        public IChecksumFold ChecksumFold;

        /// <summary>
        /// RSA-3072-PSS for signed updates (native mbedtls on the device, .NET's RSA on the host). Default: none, and then
        /// an image is refused once `ota signing.keys` is set (no verifier, no trust).
        /// </summary>
        public ISignatureVerifier SignatureVerifier;

        /// <summary>A second SHA-256 (native on the device) for bundle parts, hashed while the validator's hashes the app
        /// inside. Default: <see cref="ManagedSha256"/>.</summary>
        public ISha256 BundleSha256;

        /// <summary>JSON text to Core objects and back (bundle manifests). Without it bundles are refused.</summary>
        public IJsonCodec Json;

        public IHttpTransport Http;

        /// <summary>Raw deflate decoding (the ROM's tinfl on the device) for the server's gzip copies (ovms3.bin.gz) and
        /// deflated bundle entries. Default: none (plain images and stored entries only).</summary>
        public IDeflateDecoder Deflate;
        public IMonotonicClock MonotonicClock;
        public IWallClock WallClock;
        public INetworkStatus Network;
        public HardwareInfo Hardware;
        public FirmwareIdentity Firmware;

        /// <summary>Log sink (tag "ota"). Default: none.</summary>
        public IOtaLog Log;

        /// <summary>Notification sink. Default: none.</summary>
        public INotifier Notifier;

        /// <summary>Files for `ota flash vfs`. Default: none (every file "cannot be found").</summary>
        public IFileAccess Files;

        /// <summary>May the module restart after an automatic update? Default: <see cref="AlwaysReboot"/>.</summary>
        public IRebootPolicy RebootPolicy;

        /// <summary>Restarts the module (commit watchdog rollback, `ota revert`, after an automatic update). Without it
        /// the engine has no commit watchdog and the automatic update cannot restart.</summary>
        public IReboot Reboot;

        /// <summary>Checks a new image must pass before it is confirmed automatically. Default: none (`ota commit` only).</summary>
        public IHealthCheck Health;

        /// <summary>Where `ota flash auto` runs. Default: <see cref="ThreadRunner"/>.</summary>
        public IBackgroundRunner Background;
    }
}

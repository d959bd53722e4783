using OvmsOta.Flash;
using OvmsOta.Image;
using OvmsOta.OtaData;
using OvmsOta.Partitions;
using OvmsOta.Update;
using OvmsOta.UpdateServer;

namespace OvmsOta.Engine
{
    /// <summary>
    /// OVMS's common flash core (reference 4a) for one image into one target: capacity check, begin, write, end,
    /// set boot, each failure told in OVMS's words. It is also the download sink, so an HTTP body goes straight to
    /// flash through the work buffer. Nothing is activated unless every step before SetBoot succeeded.
    /// </summary>
    public sealed class InstallRun : IDownloadSink
    {
        /// <summary>Slots smaller than this get the "upgrade your partitioning" hint (v3-35 slots are 7 MB).</summary>
        public const int ModernSlotSize = 0x700000;

        public const string PartitionTypeAlert =
            "The module is running an outdated flash partitioning scheme.\n"
            + "OTA updates have now stopped working due to its 4MB firmware size limit.\n"
            + "Upgrading is recommended to leverage the limit to 7MB.\n"
            + "To upgrade, open the web UI, menu Config -> Partitioning.";

        private readonly Installer _installer;
        private readonly PartitionEntry _target;
        private readonly IInstallNarrator _narrator;
        private readonly string _statusPrefix;
        private FirmwareSession _session;
        private string _bootText;
        private int _expected;
        private int _received;
        private bool _begun;
        private bool _announceSize;
        private IImageGate _gate;

        /// <summary>statusPrefix: "OTA Flash HTTP: ", "OTA Flash VFS: " or "OTA Auto Flash: ".</summary>
        public InstallRun(Installer installer, PartitionEntry target, IInstallNarrator narrator, string statusPrefix)
        {
            _installer = installer;
            _target = target;
            _narrator = narrator;
            _statusPrefix = statusPrefix;
            _bootText = statusPrefix + "Setting boot partition...";
        }

        public int Received { get { return _received; } }

        /// <summary>The line told before the boot switch (the automatic update words it "AutoFlash: Setting boot partition...").</summary>
        public string BootText { get { return _bootText; } set { _bootText = value; } }

        /// <summary>True once the target was erased (a failure after that leaves it blank, not bootable).</summary>
        public bool Begun { get { return _begun; } }

        /// <summary>Refuses an image larger than the target with OVMS's texts (and the hint and alert on 4 MB slots).</summary>
        public void CheckCapacity(int size)
        {
            int capacity = _installer.CapacityOf(_target);
            if (size <= capacity)
                return;
            _narrator.Failed(new InstallFailure(InstallFailure.Capacity, 0,
                "target partition too small (" + capacity.ToString() + " bytes capacity) - aborting", null));
            if (_target.Size < ModernSlotSize)
            {
                _narrator.Line("Consider upgrading your partitioning scheme to v3-35.");
                _installer.Notifier.Alert("ota.partitiontype", PartitionTypeAlert);
            }
            throw new ReportedException("target partition too small");
        }

        /// <summary>What the image must be for this run (the announced version), checked from its first bytes; null: any image.</summary>
        public IImageGate Gate { get { return _gate; } set { _gate = value; } }

        /// <summary>The shell prints "Expected file size is N" when a download announces its length; the nightly job does not.</summary>
        public bool AnnounceSize { get { return _announceSize; } set { _announceSize = value; } }

        /// <summary>
        /// As the download sink: the announced length is checked against the target, the flash begins, and the status
        /// says the image is downloading; every body block then goes to <see cref="Write"/>.
        /// </summary>
        void IDownloadSink.Begin(int expectedLength)
        {
            if (_announceSize)
                _narrator.Line("Expected file size is " + expectedLength.ToString());
            CheckCapacity(expectedLength);
            Begin(expectedLength);
            Status(_statusPrefix + "Downloading OTA image...");
        }

        /// <summary>esp_ota_begin for an image of size bytes (erases what it needs).</summary>
        public void Begin(int size)
        {
            _expected = size;
            _received = 0;
            _installer.Status.Set(_statusPrefix + "Preparing flash partition...");
            _narrator.Line(_statusPrefix + "Preparing flash partition...");
            if (_installer.DigestWarning != null)
                _installer.Log.Warning(_installer.DigestWarning);
            try
            {
                _session = _installer.BeginFirmware(size, _gate);
            }
            catch (UpdateException e)
            {
                throw Failed(InstallFailure.Begin, Code(e, EspError.InvalidState), " when starting OTA operation", e);
            }
            _begun = true;
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            if (count > _expected - _received)
            {
                _narrator.Failed(new InstallFailure(InstallFailure.Write, 0,
                    "Download firmware is bigger than available partition space - state is inconsistent", null));
                throw new ReportedException("image longer than announced");
            }
            try
            {
                _session.Write(buffer, offset, count);
            }
            catch (UpdateException e)
            {
                if (e.NothingChanged)
                {
                    _narrator.Failed(InstallFailure.Refusal(e.Message));
                    throw new ReportedException(e.Message);
                }
                throw Failed(InstallFailure.Write, Code(e, EspError.OtaValidateFailed), " when writing to flash - state is inconsistent", e);
            }
            _received += count;
            _installer.Status.Progress((int)((long)_received * 100 / _expected));
            _narrator.Progress(_received, _expected);
        }

        /// <summary>Sets the status `ota status` shows while this run is under way.</summary>
        public void Status(string text)
        {
            _installer.Status.Set(text);
        }

        public void Complete()
        {
        }

        public void Fail(string reason)
        {
        }

        /// <summary>
        /// esp_ota_end and esp_ota_set_boot_partition in one updater step: byte 0, read-back verification, otadata
        /// switched with state New. OVMS announces the boot switch before it; so do we.
        /// </summary>
        public void Finish()
        {
            _installer.Status.Set(_statusPrefix + "Setting boot partition...");
            _narrator.Line(_bootText);
            try
            {
                _session.End(0);
            }
            catch (UpdateException e)
            {
                throw Failed(InstallFailure.Finish, Code(e, EspError.OtaValidateFailed), " finalising OTA operation - state is inconsistent", e);
            }
        }

        /// <summary>Ends an open session after a failure outside it (download error), leaving the target unbootable.</summary>
        public void Abort()
        {
            if (_session != null)
                _session.Abort();
        }

        /// <summary>Tells the narrator OVMS's "ESP32 error #n ..." line with the cause, and returns what the caller throws.</summary>
        private ReportedException Failed(int step, int espError, string what, UpdateException e)
        {
            _narrator.Failed(new InstallFailure(step, espError, "ESP32 error #" + espError.ToString() + what, e.Message));
            return new ReportedException(e.Message);
        }

        /// <summary>The ESP error OVMS would print: a flash failure, else the step's usual error.</summary>
        private static int Code(UpdateException e, int usual)
        {
            return e.InnerException is FlashException ? EspError.FlashOpFail : usual;
        }
    }
}

using System.IO;
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
    public sealed class InstallRun : IResumableSink
    {
        /// <summary>Slots smaller than this get the "upgrade your partitioning" hint (v3-35 slots are 7 MB).</summary>
        public const int ModernSlotSize = 0x700000;

        public const string PartitionTypeAlert = PartitionTypeStart + "have now stopped" + PartitionTypeEnd;

        /// <summary>OVMS's info notification at boot on an old table (reference 4d): "will soon stop" where the alert has "have now stopped".</summary>
        public const string PartitionTypeInfo = PartitionTypeStart + "will soon stop" + PartitionTypeEnd;

        private const string PartitionTypeStart = "The module is running an outdated flash partitioning scheme.\nOTA updates ";
        private const string PartitionTypeEnd = " working due to its 4MB firmware size limit.\n"
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
        private ImageIdentity _identity;
        private int _nextSave;
        private int _commitTimeout;

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

        /// <summary>This update's trial time in seconds (an RPC's or push's commit_timeout), recorded with the switch; 0: `ota commit.timeout`.</summary>
        public int CommitTimeoutSeconds { get { return _commitTimeout; } set { _commitTimeout = value; } }

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

        /// <summary>
        /// As a resumable download's sink: the Begin above, unless the resume record names this image and target and the
        /// bytes it covers verify again from flash (<see cref="OtaUpdater.Resume"/>); then the run goes on after them.
        /// </summary>
        int IResumableSink.Open(ImageIdentity identity, byte[] head, int headLength)
        {
            if (_announceSize)
                _narrator.Line("Expected file size is " + identity.Length.ToString());
            CheckCapacity(identity.Length);
            // Without the head the server ignored Range: nothing of this image could be resumed, so nothing is recorded.
            _identity = headLength > 0 ? identity : null;
            int held = ResumeFromSlot(identity, head, headLength);
            if (held == 0)
                Begin(identity.Length);
            Status(_statusPrefix + "Downloading OTA image...");
            return held;
        }

        /// <summary>What was received is void: the session ends (the target stays unbootable) and the record is forgotten.</summary>
        void IResumableSink.Restart(string reason)
        {
            _narrator.Line(_statusPrefix + reason);
            Abort();
            ForgetResume();
        }

        private int ResumeFromSlot(ImageIdentity identity, byte[] head, int headLength)
        {
            ResumeRecord record = _installer.Resume;
            if (record == null || headLength == 0)
                return 0;
            int recorded = record.Find(identity, _target);
            if (recorded == 0)
                return 0;
            try
            {
                _session = _installer.ResumeFirmware(identity.Length, _gate, recorded, head, headLength);
            }
            catch (UpdateException e)
            {
                _installer.Log.Warning(_statusPrefix + e.Message + "; starting at byte 0");
                return 0;
            }
            _expected = identity.Length;
            _received = _session.BytesWritten;
            _begun = true;
            _nextSave = _received + record.Interval;
            _narrator.Line(_statusPrefix + "Resuming at " + _received.ToString() + " bytes (" + recorded.ToString()
                + " were written before; re-verified from flash)");
            return _received;
        }

        /// <summary>esp_ota_begin for an image of size bytes (erases what it needs).</summary>
        public void Begin(int size)
        {
            _expected = size;
            _received = 0;
            _nextSave = 0;
            _installer.Status.Set(_statusPrefix + "Preparing flash partition...");
            _narrator.Line(_statusPrefix + "Preparing flash partition...");
            if (_installer.DigestWarning != null)
                _installer.Log.Warning(_installer.DigestWarning);
            // A fresh start overwrites the target: a record of an earlier image there would point at bytes that go.
            if (_installer.Resume != null)
                _installer.Resume.Clear();
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
                ForgetResume();
                throw Failed(InstallFailure.Write, Code(e, EspError.OtaValidateFailed), " when writing to flash - state is inconsistent", e);
            }
            _received += count;
            SaveProgress();
            _installer.Status.Progress((int)((long)_received * 100 / _expected));
            _narrator.Progress(_received, _expected);
        }

        /// <summary>
        /// Writes size bytes of a file (`ota flash vfs`, the SD card at boot) through the work buffer; a read error or a
        /// file shorter than its size is told as "Cannot read N of M bytes: why" and ends the run (ReportedException).
        /// </summary>
        public void WriteFile(Stream file, int size)
        {
            byte[] buffer = _installer.WorkBuffer;
            int done = 0;
            while (done < size)
            {
                int want = size - done < buffer.Length ? size - done : buffer.Length;
                int n;
                try
                {
                    n = file.Read(buffer, 0, want);
                }
                catch (IOException e)
                {
                    throw ReadFailed(done, size, e.Message);
                }
                if (n <= 0)
                    throw ReadFailed(done, size, "the file ended early");
                Write(buffer, 0, n);
                done += n;
            }
        }

        private ReportedException ReadFailed(int done, int size, string why)
        {
            _narrator.Failed(new InstallFailure(InstallFailure.Write, 0, "Cannot read " + done.ToString() + " of " + size.ToString()
                + " bytes: " + why, null));
            return new ReportedException("file read failed");
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
                _session.End(_commitTimeout);
            }
            catch (UpdateException e)
            {
                ForgetResume();
                throw Failed(InstallFailure.Finish, Code(e, EspError.OtaValidateFailed), " finalising OTA operation - state is inconsistent", e);
            }
            ForgetResume();
        }

        /// <summary>
        /// The switch is done (or the image failed its check): nothing of this image is to be resumed. A cut before this
        /// leaves a record naming the slot that now runs, which no later update targets while it runs.
        /// </summary>
        private void ForgetResume()
        {
            if (_identity != null && _installer.Resume != null)
                _installer.Resume.Clear();
        }

        /// <summary>Every Interval bytes the record is moved on, after those bytes were written.</summary>
        private void SaveProgress()
        {
            ResumeRecord record = _installer.Resume;
            if (_identity == null || record == null)
                return;
            if (_nextSave == 0)
                _nextSave = record.Interval;
            if (_received < _nextSave || _received == _expected)
                return;
            record.Save(_identity, _target, _received);
            _nextSave = _received + record.Interval;
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

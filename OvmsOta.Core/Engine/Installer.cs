using OvmsOta.Bundle;
using OvmsOta.Config;
using OvmsOta.Flash;
using OvmsOta.Image;
using OvmsOta.Partitions;
using OvmsOta.Ports;
using OvmsOta.Update;

namespace OvmsOta.Engine
{
    /// <summary>
    /// What every writer (shell flash/boot/erase/copy, nightly job, push) shares: the one lock, the status `ota
    /// status` shows, the 4 KB work buffer, the image checks and the streaming updater, the refusal while an image is
    /// on trial, and the record of the last flash source.
    /// </summary>
    public sealed class Installer
    {
        /// <summary>The one working buffer of flash, copy and download (a flash sector).</summary>
        public const int WorkBufferSize = FlashGeometry.SectorSize;

        private readonly InstallLock _lock = new InstallLock();
        private readonly InstallStatus _status = new InstallStatus();
        private readonly ModuleSlots _slots;
        private readonly byte[] _workBuffer;
        private readonly ImageValidator _validator;
        private readonly SlotImageCheck _imageCheck;
        private readonly OtaUpdater _updater;
        private readonly Trial _trial;
        private readonly OtaConfig _config;
        private readonly IOtaLog _log;
        private readonly INotifier _notifier;

        public Installer(ModuleSlots slots, byte[] workBuffer, ImageValidator validator, SlotImageCheck imageCheck, Trial trial,
            OtaConfig config, IOtaLog log, INotifier notifier)
        {
            _slots = slots;
            _workBuffer = workBuffer;
            _validator = validator;
            _imageCheck = imageCheck;
            _trial = trial;
            _config = config;
            _log = log;
            _notifier = notifier;
            _updater = new OtaUpdater(slots.Flash, slots.Table, slots.Running, validator, workBuffer);
        }

        public InstallLock Lock { get { return _lock; } }

        /// <summary>The partitions every install writes to.</summary>
        public ModuleSlots Slots { get { return _slots; } }

        /// <summary>Reads bundle manifests; null: bundles are refused.</summary>
        public IJsonCodec Json { get; internal set; }

        /// <summary>SHA-256 of bundle parts and the deployment's read-back (the validator's own hashes the app inside).</summary>
        public ISha256 PartSha256 { get; internal set; }

        /// <summary>Inflates deflated bundle entries; null: they are refused.</summary>
        public IDeflateDecoder Deflate { get; internal set; }

        /// <summary>
        /// Opens an install of size bytes into the inactive slot (pair): an image or a bundle, told apart by its first
        /// byte (<see cref="FirmwareSession"/>); gate (may be null) checks the app image's first bytes.
        /// </summary>
        public FirmwareSession BeginFirmware(int size, IImageGate gate)
        {
            return new FirmwareSession(this, size, gate);
        }

        /// <summary>An image install that goes on after the first held bytes already in the target (see <see cref="ResumeRecord"/>).</summary>
        public FirmwareSession ResumeFirmware(int size, IImageGate gate, int held, byte[] head, int headLength)
        {
            return new FirmwareSession(this, size, gate, held, head, headLength);
        }

        /// <summary>The most a download into target may carry: the slot, and on the device layout its deploy_N and a manifest.</summary>
        public int CapacityOf(PartitionEntry target)
        {
            PartitionEntry deploy = _slots.DeployFor(target);
            return deploy == null ? target.Size : target.Size + deploy.Size + ManifestReader.MaxSize + BundleOverhead;
        }

        /// <summary>ZIP headers, names and central directory of a bundle, generously.</summary>
        public const int BundleOverhead = 4096;
        public InstallStatus Status { get { return _status; } }

        /// <summary>The 4 KB buffer of flash, copy and download; whoever holds <see cref="Lock"/> may use it.</summary>
        public byte[] WorkBuffer { get { return _workBuffer; } }

        /// <summary>The one image validator (its SHA-256 is native on the device); writers use it under the lock.</summary>
        public ImageValidator Validator { get { return _validator; } }

        /// <summary>Full image verification of a partition, through the work buffer (so under the lock only).</summary>
        public SlotImageCheck ImageCheck { get { return _imageCheck; } }

        /// <summary>The streaming updater (the slot after the running one); writers use it under the lock.</summary>
        public OtaUpdater Updater { get { return _updater; } }

        /// <summary>Where a download keeps what it needs to go on after a power cut (<see cref="ResumeRecord"/>); null: it starts again.</summary>
        public ResumeRecord Resume { get; internal set; }

        /// <summary>Said at every update while the platform binds no native digests (<see cref="PortableDigests"/>); else null.</summary>
        public string DigestWarning { get; internal set; }

        public IOtaLog Log { get { return _log; } }
        public INotifier Notifier { get { return _notifier; } }

        /// <summary>Why no update may start now (the running image is on trial), or null.</summary>
        public InstallFailure UpdateRefusal()
        {
            return _trial.UpdateRefusal();
        }

        /// <summary>Records a successful flash source in ota http.mru / vfs.mru; a value too long for the store is skipped.</summary>
        public void RecordSource(bool http, string source)
        {
            try
            {
                if (http)
                    _config.SetHttpMru(source);
                else
                    _config.SetVfsMru(source);
            }
            catch (ConfigException e)
            {
                _log.Warning("Cannot record " + source + " as the last flash source: " + e.Message);
            }
        }
    }
}

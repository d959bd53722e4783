using System;
using OvmsOta.Boot;
using OvmsOta.Config;
using OvmsOta.Flash;
using OvmsOta.Image;
using OvmsOta.OtaData;
using OvmsOta.Partitions;
using OvmsOta.Schedule;
using OvmsOta.Server;
using OvmsOta.Update;

namespace OvmsOta.Shell
{
    /// <summary>
    /// The OTA engine of one module, built once from its platform bindings: partition table, boot slots, image
    /// checks, update-server client, flash lock, settings, the `ota` shell and the nightly job. The device firmware
    /// and the host simulator build the same object; only <see cref="OtaPlatform"/> differs.
    /// </summary>
    public sealed class OtaEngine
    {
        /// <summary>Where OVMS probes for the partition table, in order.</summary>
        public static readonly int[] TableOffsets = new int[] { 0x8000, 0x9000 };

        /// <summary>The one working buffer of flash, copy and download (a flash sector).</summary>
        public const int WorkBufferSize = FlashGeometry.SectorSize;

        private readonly OtaPlatform _platform;
        private readonly PartitionTable _table;
        private readonly int _tableOffset;
        private readonly BootSlots _slots;
        private readonly PartitionEntry _running;
        private readonly OvmsLayout _layout;
        private readonly ImageValidator _validator;
        private readonly FlashImageCheck _imageCheck;
        private readonly byte[] _workBuffer = new byte[WorkBufferSize];
        private readonly HttpFetcher _fetcher;
        private readonly FlashLock _lock = new FlashLock();
        private readonly FlashStatus _status = new FlashStatus();
        private readonly IOtaLog _log;
        private readonly INotifier _notifier;
        private readonly IRebootPolicy _rebootPolicy;
        private readonly IBackgroundRunner _background;
        private readonly OtaShell _shell;
        private readonly OtaUpdater _updater;
        private readonly ConfigStore _configStore;
        private readonly OtaConfig _config;
        private readonly ConfigCommand _configCommand;
        private readonly CommitWatchdog _watchdog;
        private readonly RebootGate _reboot;
        private readonly string _bootReport;
        private readonly AutoUpdateJob _autoUpdate;

        public OtaEngine(OtaPlatform platform)
        {
            if (platform == null)
                throw new ArgumentNullException("platform");
            Require(platform.Flash, "Flash");
            Require(platform.Http, "Http");
            Require(platform.MonotonicClock, "MonotonicClock");
            Require(platform.WallClock, "WallClock");
            Require(platform.Network, "Network");
            Require(platform.Hardware, "Hardware");
            Require(platform.Firmware, "Firmware");
            _platform = platform;
            _tableOffset = FindTable(platform.Flash);
            _table = PartitionTable.ReadFrom(platform.Flash, _tableOffset);
            _slots = new BootSlots(platform.Flash, _table);
            _running = platform.RunningPartition == null ? null : _table.Find(platform.RunningPartition);
            _layout = OvmsLayouts.Classify(_table);
            _validator = new ImageValidator(platform.Sha256 != null ? platform.Sha256 : new ManagedSha256(),
                platform.ChecksumFold != null ? platform.ChecksumFold : new ManagedChecksumFold());
            _imageCheck = new FlashImageCheck(platform.Flash, _validator, _workBuffer);
            Silent silent = new Silent();
            _log = platform.Log != null ? platform.Log : (IOtaLog)silent;
            _notifier = platform.Notifier != null ? platform.Notifier : (INotifier)silent;
            _rebootPolicy = platform.RebootPolicy != null ? platform.RebootPolicy : new AlwaysReboot();
            _background = platform.Background != null ? platform.Background : new ThreadRunner();
            _updater = new OtaUpdater(platform.Flash, _table, _running, _validator, _workBuffer);
            _fetcher = new HttpFetcher(platform.Http, platform.MonotonicClock, null);
            _reboot = platform.Reboot != null ? new RebootGate(platform.Reboot) : null;
            // Before the watchdog's start, which may restart and end this constructor: both only keep the engine.
            _autoUpdate = new AutoUpdateJob(this);
            _shell = new OtaShell(this);
            // Settle a trial image before anything else can fail: an unreadable config store must not keep a new
            // image from arming its rollback (it then runs with the default timeout, and the error follows).
            Exception configError = null;
            try
            {
                _configStore = new ConfigStore(ConfigRegion.InStore(platform.Flash, _table));
                _config = new OtaConfig(_configStore);
            }
            catch (Exception e)
            {
                configError = e;
            }
            if (_running != null && _reboot != null)
            {
                bool commitAuto = _config == null || _config.CommitAuto;
                int timeoutMs = _config == null ? CommitWatchdog.DefaultCommitTimeoutMs : _config.CommitTimeoutSeconds * 1000;
                _watchdog = new CommitWatchdog(platform.Flash, _table, _imageCheck, _running, new MonotonicBootClock(platform.MonotonicClock),
                    _reboot, HealthChecks(platform, commitAuto), timeoutMs);
                _bootReport = _watchdog.Start();
                // Start sent the module to another image: nothing more runs on this boot (on the device the reboot
                // never returned); every entry point refuses from here on.
                if (_reboot.IsPending)
                    return;
                if (_bootReport != null)
                    _log.Warning(_bootReport);
            }
            if (configError != null)
                throw configError;
            _configCommand = new ConfigCommand(_configStore);
            _fetcher.UserAgent = UserAgent;
        }

        /// <summary>
        /// What confirms a trial image by itself: the platform's checks, else the network is up and the update server
        /// answers; none when `ota commit.auto` is off (then only `ota commit` confirms).
        /// </summary>
        private IHealthCheck HealthChecks(OtaPlatform platform, bool commitAuto)
        {
            if (!commitAuto)
                return null;
            if (platform.Health != null)
                return platform.Health;
            return new AllHealthChecks(new IHealthCheck[] { new NetworkHealth(this), new UpdateServerHealth(this) });
        }

        public OtaPlatform Platform { get { return _platform; } }
        public IFlash Flash { get { return _platform.Flash; } }
        public PartitionTable Table { get { return _table; } }

        /// <summary>Address the table was found at (0x8000 on every OVMS module).</summary>
        public int TableOffset { get { return _tableOffset; } }

        public BootSlots Slots { get { return _slots; } }

        /// <summary>The running partition, or null when the platform could not tell.</summary>
        public PartitionEntry Running { get { return _running; } }

        public OvmsLayout Layout { get { return _layout; } }

        /// <summary>The one image validator (its SHA-256 is native on the device); writers use it under the lock.</summary>
        public ImageValidator Validator { get { return _validator; } }

        /// <summary>Full image verification of a partition, through the work buffer (so under the lock only).</summary>
        public FlashImageCheck ImageCheck { get { return _imageCheck; } }

        /// <summary>The 4 KB buffer of flash, copy and download; whoever holds <see cref="Lock"/> may use it.</summary>
        public byte[] WorkBuffer { get { return _workBuffer; } }

        public HttpFetcher Fetcher { get { return _fetcher; } }
        public FlashLock Lock { get { return _lock; } }
        public FlashStatus Status { get { return _status; } }
        public IOtaLog Log { get { return _log; } }
        public INotifier Notifier { get { return _notifier; } }
        public IRebootPolicy RebootPolicy { get { return _rebootPolicy; } }
        public IBackgroundRunner Background { get { return _background; } }
        public OtaShell Shell { get { return _shell; } }

        /// <summary>The streaming updater (the slot after the running one); writers use it under the lock.</summary>
        public OtaUpdater Updater { get { return _updater; } }

        /// <summary>The ota/auto parameters, kept in the last two sectors of the store partition.</summary>
        public OtaConfig Config { get { return _config; } }

        public ConfigStore ConfigStore { get { return _configStore; } }

        /// <summary>`config list|get|set|rm`.</summary>
        public ConfigCommand ConfigCommand { get { return _configCommand; } }

        /// <summary>Every restart the engine asks for goes through this; null when the platform gives no reboot binding.</summary>
        public RebootGate Reboot { get { return _reboot; } }

        /// <summary>
        /// True once a restart was asked for: every entry point (shell line, watchdog tick, nightly tick, push) checks it
        /// first and does nothing, so nothing runs between the request and the restart.
        /// </summary>
        public bool RebootPending { get { return _reboot != null && _reboot.IsPending; } }

        /// <summary>The commit watchdog of this boot, or null (no running partition or no reboot binding).</summary>
        public CommitWatchdog Watchdog { get { return _watchdog; } }

        /// <summary>The nightly update and `ota flash auto`.</summary>
        public AutoUpdateJob AutoUpdate { get { return _autoUpdate; } }

        /// <summary>
        /// OVMS's ticker.600: call every 10 minutes. Runs the commit watchdog's periodic work and the nightly update.
        /// (The watchdog may also be ticked more often through <see cref="Watchdog"/>.)
        /// </summary>
        public void Tick()
        {
            TickWatchdog();
            _autoUpdate.Tick();
        }

        /// <summary>
        /// The commit watchdog's periodic work alone (a platform may call it more often than every 10 minutes):
        /// confirms a trial image whose health checks pass, saying so in the log, or rolls back past the deadline.
        /// </summary>
        public void TickWatchdog()
        {
            if (RebootPending)
                return;
            if (_watchdog != null && _watchdog.Tick())
                _log.Info("Image on " + _running.Label + " confirmed: its health checks passed (network, update server)");
        }

        /// <summary>What the watchdog found at start (e.g. an update that rolled back), or null.</summary>
        public string BootReport { get { return _bootReport; } }

        /// <summary>
        /// Why no update may start now, or null. While the running image is on trial the next slot is the image the
        /// armed rollback returns to: overwriting it would take away the way back (ESP-IDF refuses esp_ota_begin in
        /// PENDING_VERIFY for the same reason). Every writer (shell flash and boot, nightly job, push) asks this first.
        /// </summary>
        public string UpdateRefusal()
        {
            if (_watchdog == null || !_watchdog.IsOnTrial)
                return null;
            return "Error: The running image on " + _running.Label + " is on trial - confirm it with 'ota commit' "
                + "or go back with 'ota revert' first";
        }

        /// <summary>Where an update goes: the OTA slot after the running one (factory -> ota_0), or null.</summary>
        public PartitionEntry NextTarget()
        {
            return _slots.NextUpdatePartition(_running);
        }

        /// <summary>The channel: config "ota tag", else the build tag.</summary>
        public string Tag
        {
            get
            {
                if (_configStore.Stored(ConfigParams.Ota, ConfigParams.Tag) != null)
                    return _config.Tag;
                string build = _platform.Firmware.BuildTag;
                return build != null && build.Length > 0 ? build : UpdateUrl.DefaultTag;
            }
        }

        /// <summary>The update server's product directory (v3.3, v3.3-5 ...).</summary>
        public string Product
        {
            get { return OvmsProduct.Name(_platform.Hardware.Build, _platform.Hardware.ChipRevision, OvmsLayouts.Describe(_layout)); }
        }

        /// <summary>The partition label in the version string ("ota_1"), empty when the running partition is unknown.</summary>
        public string RunningLabel
        {
            get { return _running != null ? _running.Label : (_platform.RunningPartition != null ? _platform.RunningPartition : string.Empty); }
        }

        /// <summary>OVMS's m.version: "3.3.005-925-g3e67d4e6d-dirty/ota_1/edge (build idf ... , product v3.3-5)".</summary>
        public string FullVersion
        {
            get
            {
                FirmwareIdentity firmware = _platform.Firmware;
                return OvmsVersion.Full(firmware.Version, RunningLabel, Tag, firmware.IdfVersion, firmware.BuildDate,
                    firmware.BuildTime, Product);
            }
        }

        public string UserAgent
        {
            get { return OvmsVersion.UserAgent(Product, _platform.Firmware.VehicleId, FullVersion); }
        }

        /// <summary>The default image URL: &lt;server&gt;/&lt;product&gt;/&lt;tag&gt;/ovms3.bin, as OVMS builds it.</summary>
        public string ImageUrl
        {
            get { return UpdateUrl.Image(Server, Product, Tag); }
        }

        public string VersionUrl
        {
            get { return UpdateUrl.Version(Server, Product, Tag); }
        }

        /// <summary>Config "ota server" as the URL uses it: empty when unset (then OVMS's default server).</summary>
        public string Server
        {
            get { return _configStore.Stored(ConfigParams.Ota, ConfigParams.Server) != null ? _config.Server : string.Empty; }
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

        /// <summary>True when wifi or the modem is connected (the server check needs either).</summary>
        public bool NetworkUp
        {
            get { return _platform.Network.WifiConnected || _platform.Network.ModemConnected; }
        }

        /// <summary>Runs one shell line (same as <see cref="OtaShell.Execute"/>).</summary>
        public void Execute(string line, IShellOutput output)
        {
            _shell.Execute(line, output);
        }

        private static int FindTable(IFlash flash)
        {
            byte[] magic = new byte[2];
            for (int i = 0; i < TableOffsets.Length; i++)
            {
                flash.Read(TableOffsets[i], magic, 0, 2);
                if (magic[0] == 0xAA && magic[1] == 0x50)
                    return TableOffsets[i];
            }
            throw new PartitionTableException("No partition table at 0x8000 or 0x9000: expected the entry magic AA 50");
        }

        private static void Require(object binding, string name)
        {
            if (binding == null)
                throw new ArgumentException("OtaPlatform." + name + " is required", name);
        }
    }
}

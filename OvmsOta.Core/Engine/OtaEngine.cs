using System;
using OvmsOta.Boot;
using OvmsOta.Config;
using OvmsOta.Image;
using OvmsOta.Ports;
using OvmsOta.Signing;

namespace OvmsOta.Engine
{
    /// <summary>
    /// The engine's services of one module, built once from its platform bindings, in the order that keeps a trial
    /// safe: the partitions, the config store, the trial of the running image (its rollback armed before anything can
    /// fail), then the installer. The shell, the nightly job and the push endpoint each take only the services they use
    /// (composed by OvmsOta.Module.OtaModule); only <see cref="OtaPlatform"/> differs between device and host.
    /// </summary>
    public sealed class OtaEngine
    {
        private readonly OtaPlatform _platform;
        private readonly ModuleSlots _slots;
        private readonly Installer _installer;
        private readonly UpdateServerInfo _server;
        private readonly Trial _trial;
        private readonly RebootGate _reboot;
        private readonly ConfigStore _configStore;
        private readonly OtaConfig _config;
        private readonly ConfigCommand _configCommand;
        private readonly IOtaLog _log;
        private readonly INotifier _notifier;
        private readonly IRebootPolicy _rebootPolicy;
        private readonly IBackgroundRunner _background;

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
            _slots = new ModuleSlots(platform.Flash, platform.RunningPartition);
            byte[] workBuffer = new byte[Installer.WorkBufferSize];
            ImageValidator validator = PortableDigests.Validator(platform);
            SlotImageCheck imageCheck = new SlotImageCheck(platform.Flash, validator, workBuffer);
            Silent silent = new Silent();
            // Versions, changelogs and server messages reach the log: their control characters are shown, not sent.
            VisibleLog visible = new VisibleLog(platform.Log != null ? platform.Log : (IOtaLog)silent,
                platform.Notifier != null ? platform.Notifier : (INotifier)silent);
            _log = visible;
            _notifier = visible;
            string digestWarning = PortableDigests.Warning(platform);
            if (digestWarning != null)
                _log.Warning(digestWarning);
            if (platform.Hardware != null)
                validator.ChipRevision = platform.Hardware.ChipRevisionFull;
            _rebootPolicy = platform.RebootPolicy != null ? platform.RebootPolicy : new AlwaysReboot();
            _background = platform.Background != null ? platform.Background : new ThreadRunner();
            // Settle a trial image before anything else can fail: an unreadable config store must not keep a new
            // image from arming its rollback (it then runs with the default timeout, and the error follows).
            Exception configError = null;
            try
            {
                _configStore = new ConfigStore(ConfigRegion.InStore(platform.Flash, _slots.Table));
                _config = new OtaConfig(_configStore);
            }
            catch (Exception e)
            {
                configError = e;
            }
            _reboot = platform.Reboot != null ? new RebootGate(platform.Reboot) : null;
            _server = new UpdateServerInfo(_slots, platform.Http, platform.MonotonicClock, platform.Network, platform.Hardware,
                platform.Firmware, _configStore, _config, platform.Deflate);
            CommitWatchdog watchdog = null;
            string bootReport = null;
            if (_slots.Running != null && _reboot != null)
            {
                bool commitAuto = _config == null || _config.CommitAuto;
                int timeoutMs = _config == null ? CommitWatchdog.DefaultCommitTimeoutMs : _config.CommitTimeoutSeconds * 1000;
                watchdog = new CommitWatchdog(platform.Flash, _slots.Table, imageCheck, _slots.Running, platform.MonotonicClock,
                    _reboot, HealthChecks(platform, commitAuto), timeoutMs);
                bootReport = watchdog.Start();
            }
            _trial = new Trial(watchdog, _slots.RunningLabel, bootReport, _log, _reboot);
            // Objects only (no flash access): the shell, the nightly job and the push target are built on them even when
            // the start below ends this boot, and then refuse through RebootPending.
            _installer = new Installer(_slots, workBuffer, validator, imageCheck, _trial, _config, _log, _notifier);
            _installer.DigestWarning = digestWarning;
            _installer.Resume = ResumeIn(platform.Flash);
            if (_config != null)
                _installer.Updater.Signing = new SignatureCheck(platform.Flash, platform.Sha256 != null ? platform.Sha256 : new ManagedSha256(),
                    platform.SignatureVerifier != null ? platform.SignatureVerifier : new UnavailableVerifier(), new ConfigSigningPolicy(_config));
            _trial.Floor = new SecureVersionFloor(platform.Flash, _slots.Running, _config, _log);
            _installer.Json = platform.Json;
            _installer.Deflate = platform.Deflate;
            _installer.PartSha256 = platform.BundleSha256 != null ? platform.BundleSha256 : new ManagedSha256();
            // Start sent the module to another image: nothing more runs on this boot (on the device the reboot never
            // returned); every entry point refuses from here on.
            if (RebootPending)
                return;
            if (bootReport != null)
                _log.Warning(bootReport);
            if (configError != null)
                throw configError;
            _configCommand = new ConfigCommand(_configStore);
            if (!_trial.IsOnTrial)
                _trial.Committed();
            _server.Fetcher.UserAgent = _server.UserAgent;
        }

        /// <summary>The resume record's region in store; none (downloads start at byte 0) when store has no room for it.</summary>
        private ResumeRecord ResumeIn(IFlash flash)
        {
            try
            {
                return new ResumeRecord(ResumeRecord.InStore(flash, _slots.Table));
            }
            catch (ArgumentException)
            {
                return null;
            }
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
            return new AllHealthChecks(new IHealthCheck[] { new NetworkHealth(_server), new UpdateServerHealth(_server, platform.MonotonicClock) });
        }

        public OtaPlatform Platform { get { return _platform; } }

        /// <summary>The partition table, boot slots and running partition.</summary>
        public ModuleSlots Slots { get { return _slots; } }

        /// <summary>Lock, status, work buffer, image checks and updater shared by every writer.</summary>
        public Installer Installer { get { return _installer; } }

        /// <summary>Fetcher, tag, product, version and URLs of the update server.</summary>
        public UpdateServerInfo Server { get { return _server; } }

        /// <summary>The running image's trial: commit watchdog, boot report, the refusal to update while on trial.</summary>
        public Trial Trial { get { return _trial; } }

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

        public IOtaLog Log { get { return _log; } }
        public INotifier Notifier { get { return _notifier; } }
        public IRebootPolicy RebootPolicy { get { return _rebootPolicy; } }
        public IBackgroundRunner Background { get { return _background; } }

        private static void Require(object binding, string name)
        {
            if (binding == null)
                throw new ArgumentException("OtaPlatform." + name + " is required", name);
        }
    }
}

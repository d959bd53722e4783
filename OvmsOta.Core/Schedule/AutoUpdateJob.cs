using System.Threading;
using OvmsOta.Config;
using OvmsOta.Engine;
using OvmsOta.Image;
using OvmsOta.OtaData;
using OvmsOta.Partitions;
using OvmsOta.Ports;
using OvmsOta.UpdateServer;

namespace OvmsOta.Schedule
{
    /// <summary>
    /// OVMS's nightly update and `ota flash auto` (reference 4b): on each 10-minute tick, when `auto ota` is on, in the
    /// local hour `ota auto.hour`, once per day of month, check the server and install a newer image over wifi (or the
    /// modem with `auto.allow.modem`), with OVMS's log lines and notifications. Past OVMS: a version whose install failed
    /// is not tried again the same day, HTTP errors are named, and the restart after success asks an
    /// <see cref="IRebootPolicy"/> (held restarts are retried on later ticks).
    /// </summary>
    public sealed class AutoUpdateJob : IAutoUpdate
    {
        public const string Subtype = "ota.update";
        public const string StatusPrefix = "OTA Auto Flash: ";
        /// <summary>OVMS waits 5 s after a successful automatic update before it restarts.</summary>
        public const int RestartDelayMilliseconds = 5000;

        private const int NoDay = -1;

        private readonly ModuleSlots _slots;
        private readonly Installer _installer;
        private readonly UpdateServerInfo _server;
        private readonly OtaConfig _config;
        private readonly IOtaLog _log;
        private readonly INotifier _notifier;
        private readonly IWallClock _wallClock;
        private readonly IMonotonicClock _clock;
        private readonly IBackgroundRunner _background;
        private readonly IRebootPolicy _rebootPolicy;
        private readonly RebootGate _reboot;
        private int _running;
        private int _lastCheckedDay = NoDay;
        private bool _pendingForce;
        private string _notifiedVersion;
        private string _failedVersion;
        private int _failedDay = NoDay;
        private bool _restartPending;
        private AutoUpdateOutcome _lastOutcome = AutoUpdateOutcome.NotDue;
        private int _restartDelay = RestartDelayMilliseconds;

        /// <summary>reboot: the engine's one restart path; null when the platform has none (then the owner restarts the module).</summary>
        public AutoUpdateJob(ModuleSlots slots, Installer installer, UpdateServerInfo server, OtaConfig config, IWallClock wallClock,
            IMonotonicClock clock, IBackgroundRunner background, IRebootPolicy rebootPolicy, RebootGate reboot)
        {
            _slots = slots;
            _installer = installer;
            _server = server;
            _config = config;
            _log = installer.Log;
            _notifier = installer.Notifier;
            _wallClock = wallClock;
            _clock = clock;
            _background = background;
            _rebootPolicy = rebootPolicy;
            _reboot = reboot;
        }

        /// <summary>Pause between a successful update and the restart (OVMS: 5 s; tests shorten it).</summary>
        public int RestartDelay { get { return _restartDelay; } set { _restartDelay = value; } }

        /// <summary>How the last run ended.</summary>
        public AutoUpdateOutcome LastOutcome { get { return _lastOutcome; } }

        /// <summary>A successful update waits for the reboot policy.</summary>
        public bool RestartPending { get { return _restartPending; } }

        /// <summary>
        /// OVMS's ticker.600 handler: call every 10 minutes. Starts a run (on the background runner) when due; first
        /// retries a held restart. Returns true when it started a run.
        /// </summary>
        public bool Tick()
        {
            if (_reboot != null && _reboot.IsPending)
                return false;
            if (_restartPending)
            {
                TryRestart();
                return false;
            }
            if (!_config.AutoEnabled)
                return false;
            System.DateTime now = _wallClock.LocalNow;
            if (now.Hour != _config.AutoHour || now.Day == _lastCheckedDay)
                return false;
            _lastCheckedDay = now.Day;
            return Launch(false);
        }

        /// <summary>`ota flash auto [force]`: the same run at once, whatever the hour.</summary>
        public bool Launch(bool force)
        {
            if (Interlocked.CompareExchange(ref _running, 1, 0) != 0)
            {
                _log.Warning("AutoFlash: Task already running (cannot launch new)");
                _lastOutcome = AutoUpdateOutcome.AlreadyRunning;
                return false;
            }
            _pendingForce = force;
            _background.Start(new ThreadStart(RunTask));
            return true;
        }

        private void RunTask()
        {
            try
            {
                _lastOutcome = Run(_pendingForce);
            }
            finally
            {
                Interlocked.Exchange(ref _running, 0);
            }
        }

        /// <summary>One run of the flow, on the caller's thread.</summary>
        private AutoUpdateOutcome Run(bool force)
        {
            IOtaLog log = _log;
            log.Info("AutoFlash OTA: Task is running" + (force ? " forced" : string.Empty));
            InstallFailure refusal = _installer.UpdateRefusal();
            if (refusal != null)
            {
                log.Warning("AutoFlash: " + refusal.ShellText);
                return RetryAllowed(AutoUpdateOutcome.OnTrial);
            }
            PartitionEntry running = _slots.Running;
            PartitionEntry target = _slots.NextTarget();
            if (running == null || target == null || target == running)
            {
                log.Warning("AutoFlash: Running or target partition cannot be determined");
                return RetryAllowed(AutoUpdateOutcome.NoTarget);
            }
            ServerCheck check = _server.NetworkUp ? ServerCheck.Run(_server) : null;
            if (check == null || check.Version.Length == 0)
            {
                log.Warning("AutoFlash: Server version could not be determined");
                if (check != null && check.Error != null)
                    log.Warning("AutoFlash: " + check.Error);
                return RetryAllowed(AutoUpdateOutcome.NoServerVersion);
            }
            string version = check.Version;
            // An image found to be another version is tried again (from its first bytes, nothing written) the next day.
            if (!force && !check.AnnouncesNewer)
            {
                log.Info("AutoFlash: No new firmware available (" + version + " is current)");
                return AutoUpdateOutcome.Current;
            }
            if (!_server.WifiConnected && !_config.AllowModem)
            {
                log.Info("AutoFlash: Cannot flash without wifi connection, or auto.allow.modem");
                if (version != _notifiedVersion)
                {
                    _notifiedVersion = version;
                    _notifier.Info(Subtype, "New firmware " + version + " is available. Connect to WIFI to update");
                }
                return AutoUpdateOutcome.NeedsWifi;
            }
            int today = _wallClock.LocalNow.Day;
            if (version == _failedVersion && today == _failedDay)
            {
                log.Warning("AutoFlash: " + version + " failed to install today; next try tomorrow");
                return AutoUpdateOutcome.FailedToday;
            }
            // The rolled-back check reads the target through the work buffer: only under the lock, as every writer.
            if (!_installer.Lock.TryEnter())
            {
                log.Warning("AutoFlash: Flash operation already in progress");
                return RetryAllowed(AutoUpdateOutcome.Busy);
            }
            AutoUpdateOutcome outcome;
            try
            {
                if (!force && RolledBackBefore(target, version))
                {
                    log.Warning("AutoFlash: " + version + " was installed before and rolled back; not installing it again "
                        + "automatically (ota flash auto force or ota flash http to try it anyway)");
                    return AutoUpdateOutcome.RolledBackBefore;
                }
                outcome = Install(target, version);
            }
            finally
            {
                _installer.Status.Clear();
                _installer.Lock.Exit();
            }
            if (outcome == AutoUpdateOutcome.InstallFailed)
            {
                _failedVersion = version;
                _failedDay = today;
            }
            if (outcome == AutoUpdateOutcome.Updated)
                outcome = Restart();
            return outcome;
        }

        /// <summary>
        /// The target slot still holds exactly this version and otadata says it failed its trial there: installing it
        /// again would only repeat the rollback (and its minutes on a broken image) night after night. Reads flash
        /// through the work buffer: call it holding the install lock.
        /// </summary>
        private bool RolledBackBefore(PartitionEntry target, string version)
        {
            OtaDataPartition otadata = _slots.BootSlots.OtaData;
            if (otadata == null || target.OtaIndex < 0)
                return false;
            if (!OtaSelection.WasTurnedDown(otadata.ReadEntry(0), otadata.ReadEntry(1), target.OtaIndex, _slots.Table.OtaSlotCount))
                return false;
            string there = OvmsVersionReader.Read(_slots.Flash, target.Offset, target.Size, _installer.WorkBuffer);
            return there != null && VersionComparer.Compare(version, there) == 0;
        }

        private AutoUpdateOutcome Install(PartitionEntry target, string version)
        {
            IOtaLog log = _log;
            string url = _server.ImageUrl;
            log.Info("AutoFlash: Update " + target.Label + " to " + version + " (" + url + ")");
            _notifier.Info(Subtype, "New OTA firmware " + version + " is now being downloaded");
            AutoFlashNarrator narrator = new AutoFlashNarrator(log, StatusPrefix + "Downloading OTA image...");
            InstallRun run = new InstallRun(_installer, target, narrator, StatusPrefix);
            run.BootText = "AutoFlash: Setting boot partition...";
            AnnouncedVersion gate = new AnnouncedVersion(version, _server);
            gate.Project = _slots.RunningProject(_installer.WorkBuffer);
            run.Gate = gate;
            int size;
            try
            {
                size = _server.Download.Download(url, _installer.WorkBuffer, run);
            }
            catch (DownloadException e)
            {
                run.Abort();
                return DownloadFailed(e, run, url);
            }
            catch (ReportedException)
            {
                run.Abort();
                return AutoUpdateOutcome.InstallFailed;
            }
            log.Info("AutoFlash:: Download complete (at " + run.Received.ToString() + " bytes)");
            log.Info(StatusPrefix + "Finalising flash partition...");
            try
            {
                run.Finish();
            }
            catch (ReportedException)
            {
                return AutoUpdateOutcome.InstallFailed;
            }
            log.Info("AutoFlash: Success flash of " + size.ToString() + " bytes from " + url);
            _notifier.Info(Subtype, "OTA firmware " + version + " has been updated (OVMS will restart)");
            _installer.RecordSource(true, url);
            return AutoUpdateOutcome.Updated;
        }

        private AutoUpdateOutcome DownloadFailed(DownloadException e, InstallRun run, string url)
        {
            IOtaLog log = _log;
            if (!run.Begun)
            {
                // Nothing was erased: OVMS allows another try at the next tick.
                if (e.Error == DownloadError.RequestFailed)
                    log.Error("AutoFlash: " + (url.IndexOf("://") >= 0 ? url : "http://" + url) + " request failed");
                log.Error("AutoFlash: " + e.Message);
                return RetryAllowed(AutoUpdateOutcome.RequestFailed);
            }
            bool ended = e.Error == DownloadError.Truncated && e.InnerException == null;
            log.Error("AutoFlash:: Download " + (ended ? "complete" : "failed") + " (at " + run.Received.ToString() + " bytes)");
            log.Error("AutoFlash: " + e.Message);
            return AutoUpdateOutcome.InstallFailed;
        }

        private AutoUpdateOutcome Restart()
        {
            _clock.Pause(_restartDelay);
            _restartPending = true;
            return TryRestart() ? AutoUpdateOutcome.Updated : AutoUpdateOutcome.RestartHeld;
        }

        private bool TryRestart()
        {
            if (!_rebootPolicy.MayRebootNow())
            {
                _log.Info("AutoFlash OTA: Restart held by the vehicle state; asking again at the next tick");
                return false;
            }
            _restartPending = false;
            _log.Info("AutoFlash OTA: Task complete. Requesting restart...");
            if (_reboot == null)
            {
                _log.Warning("AutoFlash OTA: No reboot binding: restart the module to run the new firmware");
                return true;
            }
            _reboot.Reboot("FirmwareUpdate");
            return true;
        }

        private AutoUpdateOutcome RetryAllowed(AutoUpdateOutcome outcome)
        {
            _lastCheckedDay = NoDay;
            return outcome;
        }
    }
}

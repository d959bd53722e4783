using OvmsOta.Boot;
using OvmsOta.Ports;

namespace OvmsOta.Engine
{
    /// <summary>
    /// The trial of the running image: its commit watchdog (null without a running partition or a reboot binding),
    /// what the watchdog found at start, and the one refusal every writer asks before it changes a slot.
    /// </summary>
    public sealed class Trial
    {
        private readonly CommitWatchdog _watchdog;
        private readonly string _runningLabel;
        private readonly string _bootReport;
        private readonly IOtaLog _log;
        private readonly RebootGate _reboot;
        private SecureVersionFloor _floor;

        /// <summary>watchdog and reboot may be null (no running partition or no reboot binding).</summary>
        public Trial(CommitWatchdog watchdog, string runningLabel, string bootReport, IOtaLog log, RebootGate reboot)
        {
            _watchdog = watchdog;
            _runningLabel = runningLabel;
            _bootReport = bootReport;
            _log = log;
            _reboot = reboot;
        }

        /// <summary>The commit watchdog of this boot, or null (no running partition or no reboot binding).</summary>
        public CommitWatchdog Watchdog { get { return _watchdog; } }

        /// <summary>Raised whenever the running image is committed (anti-rollback); null = none.</summary>
        public SecureVersionFloor Floor { get { return _floor; } set { _floor = value; } }

        /// <summary>The running image was committed (by `ota commit` or its health checks): the anti-rollback minimum rises.</summary>
        public void Committed()
        {
            if (_floor != null)
                _floor.Raise();
        }

        /// <summary>True while the running image is on trial (not yet committed).</summary>
        public bool IsOnTrial { get { return _watchdog != null && _watchdog.IsOnTrial; } }

        /// <summary>What the watchdog found at start (e.g. an update that rolled back), or null.</summary>
        public string BootReport { get { return _bootReport; } }

        /// <summary>
        /// The commit watchdog's periodic work (a platform may call it more often than every 10 minutes): confirms a
        /// trial image whose health checks pass, saying so in the log, or rolls back past the deadline.
        /// </summary>
        public void Tick()
        {
            if (_reboot != null && _reboot.IsPending)
                return;
            if (_watchdog != null && _watchdog.Tick())
            {
                _log.Info("Image on " + _runningLabel + " confirmed: its health checks passed (network, update server)");
                Committed();
            }
        }

        /// <summary>
        /// Why no update may start now, or null. While the running image is on trial the next slot is the image the
        /// armed rollback returns to: overwriting it would take away the way back (ESP-IDF refuses esp_ota_begin in
        /// PENDING_VERIFY for the same reason). Every writer (shell flash and boot, nightly job, push) asks this first.
        /// </summary>
        public InstallFailure UpdateRefusal()
        {
            if (_watchdog == null || !_watchdog.IsOnTrial)
                return null;
            return InstallFailure.Refusal("The running image on " + _runningLabel + " is on trial - confirm it with 'ota commit' "
                + "or go back with 'ota revert' first");
        }
    }
}

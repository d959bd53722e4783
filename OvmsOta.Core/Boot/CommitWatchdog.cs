using System;
using OvmsOta.Image;
using OvmsOta.OtaData;
using OvmsOta.Partitions;
using OvmsOta.Ports;

namespace OvmsOta.Boot
{
    /// <summary>
    /// Settles each boot and keeps a new image on trial until it is confirmed, with the rollback-off bootloader
    /// deployed modules have as well as the rollback-on build (design and safety argument: Boot/README.md).
    /// <see cref="Start"/> first thing at engine start: a trial (the active entry selects the running slot with state
    /// NEW or PENDING_VERIFY) gets its rollback armed in otadata, so any reset goes back; a rolled-back trial is
    /// reported once. Then <see cref="Tick"/> periodically: confirms once the health checks pass, rolls back when the
    /// commit timeout has passed. <see cref="Commit"/> and <see cref="Revert"/> are `ota commit` / `ota revert`.
    /// Every otadata change is one sector erase and one 32-byte write, never to the sector that guards the fallback.
    /// </summary>
    public sealed partial class CommitWatchdog
    {
        /// <summary>10 minutes: boot, modem registration and a server round trip take 1-3 minutes in normal coverage.</summary>
        public const int DefaultCommitTimeoutMs = 10 * 60 * 1000;

        private readonly IFlash _flash;
        private readonly PartitionTable _table;
        private readonly IAppImageCheck _images;
        private readonly PartitionEntry _running;
        private readonly IMonotonicClock _clock;
        private readonly IReboot _reboot;
        private readonly IHealthCheck _health;
        private readonly int _timeoutMs;
        private int _trialTimeoutMs;
        private readonly OtaDataPartition _otadata;
        private readonly int _otaCount;
        private readonly int _runningSlot;

        private bool _onTrial;
        private int _trialIndex;     // the otadata sector holding the trial entry
        private uint _trialSeq;
        private long _deadline;
        private string _guard;
        private string _note;

        /// <param name="running">the partition this boot runs (esp_ota_get_running_partition; the model's result in tests)</param>
        /// <param name="health">checks for automatic confirmation; null = confirm only by <see cref="Commit"/></param>
        /// <param name="commitTimeoutMs">how long an image may stay unconfirmed, counted from <see cref="Start"/></param>
        public CommitWatchdog(IFlash flash, PartitionTable table, IAppImageCheck images, PartitionEntry running,
            IMonotonicClock clock, IReboot reboot, IHealthCheck health, int commitTimeoutMs)
        {
            if (flash == null || table == null || images == null || running == null || clock == null || reboot == null)
                throw new ArgumentNullException(flash == null ? "flash" : table == null ? "table" : images == null ? "images"
                    : running == null ? "running" : clock == null ? "clock" : "reboot");
            if (commitTimeoutMs <= 0)
                throw new ArgumentOutOfRangeException("commitTimeoutMs", "the commit timeout must be positive, got " + commitTimeoutMs.ToString() + " ms");
            _flash = flash;
            _table = table;
            _images = images;
            _running = running;
            _clock = clock;
            _reboot = reboot;
            _health = health;
            _timeoutMs = commitTimeoutMs;
            _otadata = table.OtaData == null ? null : new OtaDataPartition(flash, table.OtaData);
            _otaCount = table.OtaSlotCount;
            _runningSlot = running.IsFactory ? OtaSelection.FactorySlot : running.OtaIndex;
        }

        public bool IsOnTrial { get { return _onTrial; } }

        /// <summary>The last report or action (e.g. "update to 3.3.006 on ota_1 was not confirmed and rolled back"), or null.</summary>
        public string Note { get { return _note; } }

        public TrialStatus Status
        {
            get
            {
                long left = _onTrial ? _deadline - _clock.Milliseconds : 0;
                return new TrialStatus(_onTrial, _running.Label, left < 0 ? 0 : left, _onTrial ? _guard : null, _note);
            }
        }

        /// <summary>
        /// Periodic work while on trial: confirms when the health checks pass, else rolls back (and reboots) once the
        /// deadline has passed. Returns true when it confirmed the image.
        /// </summary>
        public bool Tick()
        {
            if (!_onTrial)
                return false;
            // The deadline first: a tick that comes late must not confirm an image whose time is up.
            if (_clock.Milliseconds - _deadline >= 0)
            {
                Expire();
                return false;
            }
            if (_health != null && _health.IsHealthy())
                return Commit();
            return false;
        }

        /// <summary>
        /// `ota commit`: the trial image becomes the one otadata selects for good. Writes the trial's own sector with a
        /// VALID entry whose seq beats the armed one (a cut during it leaves the armed entry: the module goes back).
        /// Returns false when no image is on trial.
        /// </summary>
        public bool Commit()
        {
            if (!_onTrial)
                return false;
            OtaEntry other = _otadata.ReadEntry(1 - _trialIndex);
            uint baseSeq = OtaSelection.IsValid(other) && other.Seq > _trialSeq ? other.Seq : _trialSeq;
            _otadata.WriteEntry(_trialIndex, OtaEntry.Create(OtaSelection.NextSeq(baseSeq, _runningSlot, _otaCount), OtaState.Valid, null));
            _onTrial = false;
            _note = "confirmed " + Describe(_running);
            return true;
        }

        /// <summary>
        /// `ota revert`: marks the trial entry INVALID (as esp_ota_mark_app_invalid_rollback does; recorded as reported)
        /// and reboots, so the previous image runs. Throws InvalidOperationException when no image is on trial.
        /// </summary>
        public void Revert()
        {
            if (!_onTrial)
                throw new InvalidOperationException("no image is on trial: " + _running.Label + " is committed, nothing to revert");
            _otadata.WriteEntry(_trialIndex, OtaEntry.Create(_trialSeq, OtaState.Invalid,
                TrialMark.Label(TrialMark.RolledBack, _runningSlot, _trialSeq, _trialSeq)));
            _onTrial = false;
            _note = "reverted " + Describe(_running);
            _reboot.Reboot("ota revert: back to the previous image");
        }

        /// <summary>The deadline passed: the trial entry becomes ABORTED (what a rollback-on bootloader leaves), then reboot.</summary>
        private void Expire()
        {
            _otadata.WriteEntry(_trialIndex, OtaEntry.Create(_trialSeq, OtaState.Aborted, null));
            _onTrial = false;
            _note = Describe(_running) +  " was not confirmed within " + (_trialTimeoutMs / 1000).ToString() + " s";
            _reboot.Reboot(_note + ": rolling back");
        }

        /// <summary>"3.3.006 on ota_1", or just the slot when its image carries no version.</summary>
        private string Describe(PartitionEntry partition)
        {
            string version = null;
            try
            {
                version = OvmsVersionReader.Read(_flash, partition.Offset, partition.Size, new byte[OvmsVersionReader.MinBufferSize]);
            }
            catch (ImageException)
            {
            }
            // An empty app-description version (no OVMS marker) is no version either.
            return (version == null || version.Length == 0 ? "" : version + " on ") + partition.Label;
        }
    }
}

using OvmsOta.OtaData;
using OvmsOta.Partitions;

namespace OvmsOta.Boot
{
    // Start: what the engine finds in otadata when it comes up, and what it does about it.
    public sealed partial class CommitWatchdog
    {
        /// <summary>
        /// Settles this boot; call it first at engine start. Returns the one-time report (a rolled-back update, a
        /// rollback that could not happen) or null. May write otadata, and in one odd state reboot.
        /// </summary>
        public string Start()
        {
            _note = null;
            if (_otadata == null || _otaCount == 0)
                return null;
            OtaEntry entry0 = _otadata.ReadEntry(0);
            OtaEntry entry1 = _otadata.ReadEntry(1);
            int active = OtaSelection.ActiveEntry(entry0, entry1);
            if (active != OtaSelection.NoEntry)
            {
                OtaEntry selected = active == 0 ? entry0 : entry1;
                if (OtaSelection.SlotOf(selected.Seq, _otaCount) == _runningSlot)
                {
                    if (OtaSelection.IsUnconfirmed(selected.State))
                        BeginTrial(active, selected, active == 0 ? entry1 : entry0);
                    else
                        ReportRollback(entry0, entry1, active);
                    return _note;
                }
                TrialMark mark = TrialMark.Read(selected);
                if (mark != null && mark.Kind == TrialMark.Armed && mark.TrialSlot == _runningSlot)
                    KeepAfterFailedRollback(1 - active, selected.Seq, OtaSelection.SlotOf(selected.Seq, _otaCount));
                return _note;
            }
            if (_runningSlot == OtaSelection.FactorySlot)
                ReportRollback(entry0, entry1, OtaSelection.NoEntry);
            else
                LeaveRejectedImage(entry0, entry1);
            return _note;
        }

        /// <summary>
        /// The running image is unconfirmed. PENDING_VERIFY means a rollback-on bootloader converted it and will abort
        /// it on any reset: nothing to arm. NEW means the bootloader has rollback off: arm, i.e. make otadata select
        /// the previous image before anything else can fail.
        /// </summary>
        private void BeginTrial(int trialIndex, OtaEntry trial, OtaEntry other)
        {
            _onTrial = true;
            _trialIndex = trialIndex;
            _trialSeq = trial.Seq;
            // A push's commit_timeout holds for its own trial only: the updater wrote it into the trial entry's 'F' mark.
            TrialMark from = TrialMark.Read(trial);
            _trialTimeoutMs = from != null && from.Kind == TrialMark.From && from.CommitTimeoutSeconds > 0
                ? from.CommitTimeoutSeconds * 1000 : _timeoutMs;
            _deadline = _clock.Milliseconds + _trialTimeoutMs;
            if (trial.State == OtaState.PendingVerify)
            {
                _guard = "the bootloader aborts it on any reset";
                return;
            }
            int previous = OtaSelection.IsValid(other) ? OtaSelection.SlotOf(other.Seq, _otaCount) : _runningSlot;
            if (previous == _runningSlot)
                previous = CameFrom(trial);
            if (previous == _runningSlot)
                previous = OtherBootableSlot(true);
            if (previous == OtaSelection.FactorySlot)
            {
                // Only "both entries invalid" selects factory: the trial entry itself becomes INVALID, marked.
                _otadata.WriteEntry(trialIndex, OtaEntry.Create(trial.Seq, OtaState.Invalid,
                    TrialMark.Label(TrialMark.Armed, _runningSlot, trial.Seq, trial.Seq)));
                _guard = "otadata armed: factory boots on any reset";
            }
            else if (previous != NoSlot)
            {
                uint seq = OtaSelection.NextSeq(trial.Seq, previous, _otaCount);
                _otadata.WriteEntry(1 - trialIndex, OtaEntry.Create(seq, OtaState.Valid,
                    TrialMark.Label(TrialMark.Armed, _runningSlot, trial.Seq, seq)));
                _guard = "otadata armed: " + OtaSelection.SlotName(previous) + " boots on any reset";
            }
            else
            {
                Commit();
                _note = "no other bootable image to go back to: confirmed " + Describe(_running);
            }
        }

        /// <summary>
        /// The slot the updater recorded on the trial entry (its 'F' mark) when it still holds a valid image, else the
        /// running slot. Needed when a cut erased the previous image's entry while arming: without it the watchdog
        /// would fall back to "any other bootable slot" (factory first) instead of the image the update replaced.
        /// </summary>
        private int CameFrom(OtaEntry trial)
        {
            TrialMark mark = TrialMark.Read(trial);
            if (mark == null || mark.Kind != TrialMark.From || mark.TrialSlot == _runningSlot)
                return _runningSlot;
            PartitionEntry from = mark.TrialSlot == OtaSelection.FactorySlot ? _table.Factory : _table.OtaSlot(mark.TrialSlot);
            return from != null && _images.HasValidImage(from) ? mark.TrialSlot : _runningSlot;
        }

        /// <summary>
        /// The image otadata went back to did not load, so the bootloader fell through to the trial image again:
        /// nothing else boots, keep it (commit into the sector that is not the armed one).
        /// </summary>
        private void KeepAfterFailedRollback(int trialIndex, uint armedSeq, int previous)
        {
            _otadata.WriteEntry(trialIndex, OtaEntry.Create(OtaSelection.NextSeq(armedSeq, _runningSlot, _otaCount), OtaState.Valid, null));
            _note = "the previous image on " + OtaSelection.SlotName(previous) + " did not load: kept " + Describe(_running);
        }

        /// <summary>
        /// No valid entry while an OTA image runs. If an entry rejects this slot (ABORTED or INVALID: an unconfirmed
        /// trial the bootloader or the watchdog turned down, or an armed factory rollback whose factory did not load),
        /// go to another slot holding a valid image and reboot; if there is none, keep this one.
        /// </summary>
        private void LeaveRejectedImage(OtaEntry entry0, OtaEntry entry1)
        {
            int rejecting = Rejects(entry0) ? 0 : Rejects(entry1) ? 1 : OtaSelection.NoEntry;
            if (rejecting == OtaSelection.NoEntry)
                return;
            OtaEntry rejected = rejecting == 0 ? entry0 : entry1;
            int target = OtherBootableSlot(false);
            if (target == NoSlot)
            {
                _otadata.WriteEntry(rejecting, OtaEntry.Create(rejected.Seq, OtaState.Valid, null));
                _note = _running.Label + " was rejected (" + OtaState.Name(rejected.State) + ") but nothing else boots: kept " + Describe(_running);
                return;
            }
            _otadata.WriteEntry(1 - rejecting, OtaEntry.Create(OtaSelection.NextSeq(rejected.Seq, target, _otaCount), OtaState.Valid, null));
            _note = Describe(_running) + " was rejected (" + OtaState.Name(rejected.State) + "): going back to " + OtaSelection.SlotName(target);
            _reboot.Reboot(_note);
        }

        private bool Rejects(OtaEntry entry)
        {
            return entry.Seq != OtaEntry.BlankSeq && entry.HasValidCrc && OtaSelection.SlotOf(entry.Seq, _otaCount) == _runningSlot
                && (entry.State == OtaState.Aborted || entry.State == OtaState.Invalid);
        }

        /// <summary>
        /// The running image is committed. A trial that did not make it shows as the active entry's armed mark (we
        /// came back through it) or as a newer ABORTED/INVALID entry (a rollback-on bootloader or the deadline turned
        /// it down). Report it once: the record "rolled back" goes into the sector that is not active.
        /// </summary>
        private void ReportRollback(OtaEntry entry0, OtaEntry entry1, int active)
        {
            int slot = -1;
            uint seq = 0;
            int recordIndex = active == OtaSelection.NoEntry ? -1 : 1 - active;
            TrialMark armed = active == OtaSelection.NoEntry ? null : TrialMark.Read(active == 0 ? entry0 : entry1);
            if (armed != null && armed.Kind == TrialMark.Armed && armed.TrialSlot != _runningSlot)
            {
                slot = armed.TrialSlot;
                seq = armed.TrialSeq;
            }
            else
            {
                for (int i = 0; i < 2 && slot < 0; i++)
                {
                    OtaEntry entry = i == 0 ? entry0 : entry1;
                    if (i == active || !TurnedDown(entry, active == OtaSelection.NoEntry ? 0 : (active == 0 ? entry0 : entry1).Seq))
                        continue;
                    slot = OtaSelection.SlotOf(entry.Seq, _otaCount);
                    seq = entry.Seq;
                    recordIndex = i;
                }
            }
            if (slot < 0 || TrialMark.Marks(entry0, TrialMark.RolledBack, slot, seq) || TrialMark.Marks(entry1, TrialMark.RolledBack, slot, seq))
                return;
            // ABORTED, as a rollback-on bootloader leaves an unconfirmed image (also over an armed factory entry's INVALID).
            _otadata.WriteEntry(recordIndex, OtaEntry.Create(seq, OtaState.Aborted, TrialMark.Label(TrialMark.RolledBack, slot, seq, seq)));
            PartitionEntry trial = _table.OtaSlot(slot);
            _note = "update to " + (trial == null ? OtaSelection.SlotName(slot) : Describe(trial)) + " was not confirmed and rolled back";
        }

        /// <summary>An entry for another slot, good CRC, ABORTED or INVALID, newer than the active seq (0 = none active).</summary>
        private bool TurnedDown(OtaEntry entry, uint activeSeq)
        {
            return entry.Seq != OtaEntry.BlankSeq && entry.HasValidCrc && entry.Seq > activeSeq
                && (entry.State == OtaState.Aborted || entry.State == OtaState.Invalid)
                && OtaSelection.SlotOf(entry.Seq, _otaCount) != _runningSlot;
        }

        private const int NoSlot = -2;

        /// <summary>
        /// Where to go back to when otadata does not say: factory (if allowed) when present with a valid image (what
        /// ESP-IDF's rollback check accepts), else the first other OTA slot with a valid image; <see cref="NoSlot"/>
        /// when there is none. Verifies images, so it only runs in these rare cases.
        /// </summary>
        private int OtherBootableSlot(bool factoryAllowed)
        {
            PartitionEntry factory = _table.Factory;
            if (factoryAllowed && factory != null && _runningSlot != OtaSelection.FactorySlot && _images.HasValidImage(factory))
                return OtaSelection.FactorySlot;
            for (int slot = 0; slot < _otaCount; slot++)
                if (slot != _runningSlot && _images.HasValidImage(_table.OtaSlot(slot)))
                    return slot;
            return -2;
        }
    }
}

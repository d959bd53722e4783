using OvmsOta.Flash;

namespace OvmsOta.OtaData
{
    /// <summary>
    /// What the commit watchdog records in an otadata entry's 20-byte seq_label, which ESP-IDF never interprets and
    /// keeps as read: "OVOT", kind ('A' rollback armed for a trial, 'R' trial rolled back and reported, 'F' the trial entry itself, naming the
    /// slot the update came from), the trial's OTA slot (for 'F': the previous slot, 0xFF = factory), the trial entry's seq, and the seq of the entry the mark was written with. A mark counts only on an
    /// entry with a good CRC whose seq equals that last field, so a label ESP-IDF carries over into a later entry of
    /// the same sector (it keeps the label when it rewrites) is ignored.
    /// </summary>
    public sealed class TrialMark
    {
        public const byte Armed = 0x41;      // 'A'
        public const byte RolledBack = 0x52; // 'R'
        /// <summary>On the NEW entry the updater writes: the slot field is the slot the update came from.</summary>
        public const byte From = 0x46;       // 'F'
        private const int KindAt = 4;
        private const int SlotAt = 5;
        private const int TrialSeqAt = 6;
        private const int SelfSeqAt = 10;
        /// <summary>On an 'F' mark: the commit timeout in seconds the update asked for (push commit_timeout); erased = none.</summary>
        private const int CommitTimeoutAt = 14;
        private const uint NoCommitTimeout = 0xFFFFFFFF;
        private static readonly byte[] Magic = { 0x4F, 0x56, 0x4F, 0x54 }; // "OVOT"

        private readonly byte _kind;
        private readonly int _trialSlot;
        private readonly uint _trialSeq;
        private readonly int _commitTimeoutSeconds;

        private TrialMark(byte kind, int trialSlot, uint trialSeq, int commitTimeoutSeconds)
        {
            _kind = kind;
            _trialSlot = trialSlot;
            _trialSeq = trialSeq;
            _commitTimeoutSeconds = commitTimeoutSeconds;
        }

        public byte Kind { get { return _kind; } }
        public int TrialSlot { get { return _trialSlot; } }
        public uint TrialSeq { get { return _trialSeq; } }

        /// <summary>On an 'F' mark: the commit timeout this update's trial gets, in seconds; 0 = the configured one.</summary>
        public int CommitTimeoutSeconds { get { return _commitTimeoutSeconds; } }

        /// <summary>The label bytes of a mark for an entry that will have seq selfSeq.</summary>
        public static byte[] Label(byte kind, int trialSlot, uint trialSeq, uint selfSeq)
        {
            byte[] label = Erased.NewBuffer(OtaEntry.LabelSize);
            System.Array.Copy(Magic, label, Magic.Length);
            label[KindAt] = kind;
            label[SlotAt] = (byte)trialSlot;
            LittleEndian.WriteUInt32(label, TrialSeqAt, trialSeq);
            LittleEndian.WriteUInt32(label, SelfSeqAt, selfSeq);
            return label;
        }

        /// <summary>An 'F' mark that also carries the commit timeout (seconds, above 0) for this update's trial only.</summary>
        public static byte[] FromLabel(int fromSlot, uint seq, int commitTimeoutSeconds)
        {
            byte[] label = Label(From, fromSlot, seq, seq);
            if (commitTimeoutSeconds > 0)
                LittleEndian.WriteUInt32(label, CommitTimeoutAt, (uint)commitTimeoutSeconds);
            return label;
        }

        /// <summary>The mark in entry, or null when it has none (or a stale one).</summary>
        public static TrialMark Read(OtaEntry entry)
        {
            if (entry.Seq == OtaEntry.BlankSeq || !entry.HasValidCrc)
                return null;
            byte[] label = entry.Label;
            for (int i = 0; i < Magic.Length; i++)
                if (label[i] != Magic[i])
                    return null;
            byte kind = label[KindAt];
            if ((kind != Armed && kind != RolledBack && kind != From) || LittleEndian.ReadUInt32(label, SelfSeqAt) != entry.Seq)
                return null;
            int slot = label[SlotAt] == 0xFF ? OtaSelection.FactorySlot : label[SlotAt];
            uint timeout = kind == From ? LittleEndian.ReadUInt32(label, CommitTimeoutAt) : NoCommitTimeout;
            int seconds = timeout == NoCommitTimeout || timeout > int.MaxValue / 1000 ? 0 : (int)timeout;
            return new TrialMark(kind, slot, LittleEndian.ReadUInt32(label, TrialSeqAt), seconds);
        }

        /// <summary>True when entry carries a mark of kind for the trial (slot, seq).</summary>
        public static bool Marks(OtaEntry entry, byte kind, int trialSlot, uint trialSeq)
        {
            TrialMark mark = Read(entry);
            return mark != null && mark.Kind == kind && mark.TrialSlot == trialSlot && mark.TrialSeq == trialSeq;
        }
    }
}

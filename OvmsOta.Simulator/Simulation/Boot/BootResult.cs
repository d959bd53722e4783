using OvmsOta.OtaData;
using OvmsOta.Partitions;

namespace OvmsOta.Simulation
{
    /// <summary>What one run of the <see cref="BootloaderModel"/> did: the partition it boots (or none), why, and its otadata writes.</summary>
    public sealed class BootResult
    {
        private readonly PartitionEntry _partition;
        private readonly int _index;
        private readonly int _rule;
        private readonly string _reason;
        private readonly string[] _writes;

        public BootResult(PartitionEntry partition, int index, int rule, string reason, string[] writes)
        {
            _partition = partition;
            _index = index;
            _rule = rule;
            _reason = reason;
            _writes = writes;
        }

        /// <summary>The app partition that boots; null when nothing loads ("No bootable app partitions").</summary>
        public PartitionEntry Partition { get { return _partition; } }

        public bool Booted { get { return _partition != null; } }

        /// <summary>The booted index: an OTA index, <see cref="OvmsOta.OtaData.OtaSelection.FactorySlot"/>, or <see cref="BootloaderModel.TestIndex"/>.</summary>
        public int Index { get { return _index; } }

        /// <summary>The selection case (an OtaSelection.RuleXxx constant).</summary>
        public int Rule { get { return _rule; } }

        /// <summary>Why, in a sentence or two.</summary>
        public string Reason { get { return _reason; } }

        /// <summary>Each otadata write, in order ("entry 1: seq 2, state NEW -> PENDING_VERIFY"); empty when none.</summary>
        public string[] Writes { get { return _writes; } }

        public override string ToString()
        {
            return (Booted ? "boots " + _partition.Label : "no bootable image") + ": " + _reason;
        }
    }
}

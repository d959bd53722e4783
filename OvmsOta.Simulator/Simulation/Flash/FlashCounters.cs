using System.Collections;

namespace OvmsOta.Simulation
{
    /// <summary>
    /// Counts what a flash did, in total and per named address range (register the partitions of interest,
    /// e.g. "otadata" or "ota_1"); an operation counts in every range it overlaps, with the overlapping bytes.
    /// </summary>
    public sealed class FlashCounters
    {
        private readonly FlashOpCounts _total = new FlashOpCounts();
        private readonly ArrayList _ranges = new ArrayList();

        public FlashOpCounts Total { get { return _total; } }

        /// <summary>Starts counting operations that touch [address, address+size) under name.</summary>
        public FlashOpCounts AddRange(string name, int address, int size)
        {
            var range = new NamedRange(name, address, size);
            _ranges.Add(range);
            return range.Counts;
        }

        /// <summary>The counts of the range registered under name, or null.</summary>
        public FlashOpCounts Range(string name)
        {
            foreach (NamedRange range in _ranges)
                if (range.Name == name)
                    return range.Counts;
            return null;
        }

        /// <summary>Sets every count (total and ranges) back to zero; the ranges stay registered.</summary>
        public void Clear()
        {
            _total.Clear();
            foreach (NamedRange range in _ranges)
                range.Counts.Clear();
        }

        internal void CountRead(int address, int count)
        {
            Count(_total, FlashOp.Read, count);
            CountInRanges(FlashOp.Read, address, count);
        }

        internal void CountWrite(int address, int count)
        {
            Count(_total, FlashOp.Write, count);
            CountInRanges(FlashOp.Write, address, count);
        }

        internal void CountErase(int address, int count, bool block)
        {
            FlashOp op = block ? FlashOp.BlockErase : FlashOp.SectorErase;
            Count(_total, op, count);
            CountInRanges(op, address, count);
        }

        private void CountInRanges(FlashOp op, int address, int count)
        {
            int end = address + count;
            foreach (NamedRange range in _ranges)
            {
                int from = address > range.Address ? address : range.Address;
                int to = end < range.End ? end : range.End;
                if (from < to)
                    Count(range.Counts, op, to - from);
            }
        }

        private static void Count(FlashOpCounts counts, FlashOp op, int bytes)
        {
            switch (op)
            {
                case FlashOp.Read: counts.Reads++; counts.ReadBytes += bytes; break;
                case FlashOp.Write: counts.Writes++; counts.WriteBytes += bytes; break;
                case FlashOp.SectorErase: counts.SectorErases++; counts.ErasedBytes += bytes; break;
                default: counts.BlockErases++; counts.ErasedBytes += bytes; break;
            }
        }

        private enum FlashOp { Read, Write, SectorErase, BlockErase }

        private sealed class NamedRange
        {
            public readonly string Name;
            public readonly int Address;
            public readonly int End;
            public readonly FlashOpCounts Counts = new FlashOpCounts();

            public NamedRange(string name, int address, int size)
            {
                Name = name;
                Address = address;
                End = address + size;
            }
        }
    }
}

using OvmsOta.Image;

namespace OvmsOta.Partitions
{
    /// <summary>
    /// gen_esp32part.py's checks of a table (PartitionDefinition.verify, PartitionTable.verify, verify_size_fits),
    /// in its order and with its texts, so a table this project writes is one ESP-IDF would write.
    /// </summary>
    internal static class PartitionValidation
    {
        private const int AppSizeAlignment = 0x1000;
        private const int NvsReadWriteMinSize = 0x3000;
        private const int OtaDataSize = 0x2000;
        private const int MiB = 1024 * 1024;

        public static void Verify(PartitionEntry[] entries, int flashSize)
        {
            foreach (PartitionEntry entry in entries)
                VerifyEntry(entry);
            VerifyUniqueNames(entries);
            VerifyNoOverlap(SortedByOffset(entries));
            VerifyOtaData(entries);
            VerifyFits(entries, flashSize);
        }

        private static void VerifyEntry(PartitionEntry p)
        {
            int alignment = PartitionTypes.OffsetAlignment(p.Type);
            if (p.Offset % alignment != 0)
                throw Invalid(p, "Offset 0x" + Hex(p.Offset) + " is not aligned to 0x" + Hex(alignment));
            if (p.Type == PartitionTypes.App && p.Size % AppSizeAlignment != 0)
                throw Invalid(p, "Size 0x" + Hex(p.Size) + " is not aligned to 0x" + Hex(AppSizeAlignment));
            bool readOnly = (p.Flags & PartitionEntry.FlagReadOnly) != 0;
            bool alwaysReadWrite = p.Type == PartitionTypes.Data
                && (p.Subtype == PartitionTypes.DataOta || p.Subtype == PartitionTypes.DataCoredump);
            if (alwaysReadWrite && readOnly)
                throw Invalid(p, "'" + p.Label + "' partition of type " + p.Type.ToString() + " and subtype " + p.Subtype.ToString()
                    + " is always read-write and cannot be read-only");
            if (p.Type == PartitionTypes.Data && p.Subtype == PartitionTypes.DataNvs && p.Size < NvsReadWriteMinSize && !readOnly)
                throw Invalid(p, "'" + p.Label + "' partition of type " + p.Type.ToString() + " and subtype " + p.Subtype.ToString()
                    + " of this size (0x" + Hex(p.Size) + ") must be flagged as 'readonly' (the size of read/write NVS has to be at least 0x"
                    + Hex(NvsReadWriteMinSize) + ")");
        }

        private static void VerifyUniqueNames(PartitionEntry[] entries)
        {
            for (int i = 0; i < entries.Length; i++)
                for (int j = i + 1; j < entries.Length; j++)
                    if (entries[i].Label == entries[j].Label)
                        throw new PartitionTableException("Partition names must be unique");
        }

        private static void VerifyNoOverlap(PartitionEntry[] sorted)
        {
            PartitionEntry last = null;
            foreach (PartitionEntry p in sorted)
            {
                if (p.Offset < PartitionTable.FirstPartitionOffset)
                    throw new PartitionTableException("Partition offset 0x" + Hex(p.Offset) + " is below 0x" + Hex(PartitionTable.FirstPartitionOffset));
                if (last != null && p.Offset < last.End)
                    throw new PartitionTableException("Partition at 0x" + Hex(p.Offset) + " overlaps 0x" + Hex(last.Offset) + "-0x" + Hex(last.End - 1));
                last = p;
            }
        }

        private static void VerifyOtaData(PartitionEntry[] entries)
        {
            PartitionEntry otadata = null;
            foreach (PartitionEntry p in entries)
            {
                if (!p.IsOtaData)
                    continue;
                if (otadata != null)
                    throw new PartitionTableException("Found multiple otadata partitions. Only one partition can be defined with type=\"data\"(1) and subtype=\"ota\"(0).");
                otadata = p;
            }
            if (otadata != null && otadata.Size != OtaDataSize)
                throw new PartitionTableException("otadata partition must have size = 0x2000");
        }

        /// <summary>gen_esp32part's flash_size(): the end of the partition with the highest offset (not the highest end).</summary>
        private static void VerifyFits(PartitionEntry[] entries, int flashSize)
        {
            PartitionEntry last = null;
            foreach (PartitionEntry p in entries)
                if (last == null || p.Offset > last.Offset)
                    last = p;
            long used = last == null ? 0 : (long)last.Offset + last.Size;
            if (used <= flashSize)
                return;
            throw new PartitionTableException("Partitions tables occupies " + TenthsOfMiB(used) + "MB of flash (" + used.ToString()
                + " bytes) which does not fit in configured flash size " + (flashSize / MiB).ToString()
                + "MB. Change the flash size in menuconfig under the 'Serial Flasher Config' menu.");
        }

        /// <summary>Python's "%.1f" of bytes / 1 MiB: exact binary fraction, ties to even.</summary>
        internal static string TenthsOfMiB(long bytes)
        {
            long tenths = bytes * 10 / MiB;
            long remainder = bytes * 10 % MiB;
            if (remainder * 2 > MiB || (remainder * 2 == MiB && tenths % 2 == 1))
                tenths++;
            return (tenths / 10).ToString() + "." + (tenths % 10).ToString();
        }

        /// <summary>A stable sort by offset (insertion sort: tables hold a handful of entries).</summary>
        private static PartitionEntry[] SortedByOffset(PartitionEntry[] entries)
        {
            var sorted = new PartitionEntry[entries.Length];
            for (int i = 0; i < entries.Length; i++)
            {
                int j = i;
                while (j > 0 && sorted[j - 1].Offset > entries[i].Offset)
                {
                    sorted[j] = sorted[j - 1];
                    j--;
                }
                sorted[j] = entries[i];
            }
            return sorted;
        }

        private static PartitionTableException Invalid(PartitionEntry p, string why)
        {
            return new PartitionTableException("Partition " + p.Label + " invalid: " + why);
        }

        private static string Hex(int value) { return value.ToString("x"); }
    }
}

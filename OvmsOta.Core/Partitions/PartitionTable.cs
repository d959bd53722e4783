using System;
using System.Text;
using OvmsOta.Flash;
using OvmsOta.Ports;

namespace OvmsOta.Partitions
{
    /// <summary>
    /// The ESP-IDF partition table: 32-byte records at 0x8000, an MD5 record (0xEBEB) over the entries before it,
    /// then 0xFF up to 0xC00 bytes. Binary parse and write byte-compatible with gen_esp32part.py; lookups the engine
    /// needs (app slots, otadata, store). Validation of a table being written lives in <see cref="Verify"/>.
    /// </summary>
    public sealed class PartitionTable
    {
        /// <summary>Where ESP-IDF (CONFIG_PARTITION_TABLE_OFFSET) and OVMS keep the table.</summary>
        public const int DefaultOffset = 0x8000;
        /// <summary>Data length gen_esp32part writes (the last KB of the sector is left for a signature).</summary>
        public const int MaxLength = 0xC00;
        public const int EntrySize = 32;
        public const int EntryMagic = 0x50AA;
        public const int Md5Magic = 0xEBEB;
        /// <summary>Lowest partition address: the end of the table's sector.</summary>
        public const int FirstPartitionOffset = DefaultOffset + FlashGeometry.SectorSize;
        private const int LabelSize = 16;

        private readonly PartitionEntry[] _entries;

        public PartitionTable(PartitionEntry[] entries)
        {
            if (entries == null)
                throw new ArgumentNullException("entries");
            _entries = entries;
        }

        public int Count { get { return _entries.Length; } }

        public PartitionEntry this[int index] { get { return _entries[index]; } }

        /// <summary>The partition labelled label, or null.</summary>
        public PartitionEntry Find(string label)
        {
            foreach (PartitionEntry entry in _entries)
                if (entry.Label == label)
                    return entry;
            return null;
        }

        /// <summary>The first partition of type and subtype, or null (as esp_partition_find_first).</summary>
        public PartitionEntry Find(int type, int subtype)
        {
            foreach (PartitionEntry entry in _entries)
                if (entry.Type == type && entry.Subtype == subtype)
                    return entry;
            return null;
        }

        public PartitionEntry Factory { get { return Find(PartitionTypes.App, PartitionTypes.AppFactory); } }

        public PartitionEntry OtaData { get { return Find(PartitionTypes.Data, PartitionTypes.DataOta); } }

        /// <summary>The OVMS config store: the data/fat partition labelled "store", or null.</summary>
        public PartitionEntry Store
        {
            get
            {
                PartitionEntry store = Find("store");
                return store != null && store.Type == PartitionTypes.Data && store.Subtype == PartitionTypes.DataFat ? store : null;
            }
        }

        /// <summary>The app partition ota_index (ota_0, ota_1 ...), or null.</summary>
        public PartitionEntry OtaSlot(int index)
        {
            return Find(PartitionTypes.App, PartitionTypes.AppOtaMin + index);
        }

        /// <summary>
        /// OTA app slots counted from ota_0 up to the first missing one, as the app side of ESP-IDF counts them
        /// (esp_ota_get_app_partition_count); this is the n of "boot slot = (seq - 1) % n".
        /// </summary>
        public int OtaSlotCount
        {
            get
            {
                int count = 0;
                while (count < PartitionTypes.AppOtaCount && OtaSlot(count) != null)
                    count++;
                return count;
            }
        }

        /// <summary>The partition holding flash address, or null.</summary>
        public PartitionEntry At(int address)
        {
            foreach (PartitionEntry entry in _entries)
                if (address >= entry.Offset && address < entry.End)
                    return entry;
            return null;
        }

        /// <summary>Reads and parses the table at address (normally 0x8000) of flash.</summary>
        public static PartitionTable ReadFrom(IFlash flash, int address)
        {
            var data = new byte[MaxLength];
            flash.Read(address, data, 0, MaxLength);
            return FromBinary(data, 0, MaxLength, flash.Size);
        }

        /// <summary>
        /// Parses a binary table as the bootloader and gen_esp32part do: records until the all-0xFF end marker,
        /// each with magic 0x50AA, at most one MD5 record that must match the entries before it, and every partition
        /// inside a flash of flashSize bytes. Throws <see cref="PartitionTableException"/> naming the bad record.
        /// </summary>
        public static PartitionTable FromBinary(byte[] data, int offset, int count, int flashSize)
        {
            if (count > MaxLength)
                count = MaxLength;
            var entries = new System.Collections.ArrayList();
            bool md5Seen = false;
            for (int position = 0; position + EntrySize <= count; position += EntrySize)
            {
                int record = offset + position;
                if (Erased.IsErased(data, record, EntrySize))
                    return new PartitionTable((PartitionEntry[])entries.ToArray(typeof(PartitionEntry)));
                int magic = LittleEndian.ReadUInt16(data, record);
                if (magic == Md5Magic)
                {
                    CheckMd5Record(data, offset, position, md5Seen);
                    md5Seen = true;
                    continue;
                }
                if (magic != EntryMagic)
                    throw new PartitionTableException("Invalid magic bytes (0x" + magic.ToString("x4") + ") for partition definition at offset 0x"
                        + position.ToString("x") + " of the table: expected 0x50aa (AA 50) or the MD5 record 0xebeb");
                entries.Add(ParseEntry(data, record, entries.Count, flashSize));
            }
            throw new PartitionTableException("Partition table is missing an end-of-table marker (no all-0xFF record in the first 0x"
                + count.ToString("x") + " bytes)");
        }

        /// <summary>The 0xC00-byte binary gen_esp32part writes: entries in table order, the MD5 record, 0xFF padding.</summary>
        public byte[] ToBinary()
        {
            int used = (_entries.Length + 1) * EntrySize;
            if (used >= MaxLength)
                throw new PartitionTableException("Binary partition table length (" + used.ToString() + ") longer than max");
            var data = new byte[MaxLength];
            for (int i = 0; i < _entries.Length; i++)
                WriteEntry(_entries[i], data, i * EntrySize);
            int md5At = _entries.Length * EntrySize;
            LittleEndian.WriteUInt16(data, md5At, Md5Magic);
            Erased.Fill(data, md5At + 2, 14);
            Array.Copy(Md5.Compute(data, 0, md5At), 0, data, md5At + 16, Md5.DigestSize);
            Erased.Fill(data, used, MaxLength - used);
            return data;
        }

        /// <summary>
        /// Writes the table at address (normally 0x8000): verifies it for the flash's size and builds the binary first,
        /// so a bad table throws before anything is erased; then erases the 4 KB sector and writes 0xC00 bytes.
        /// </summary>
        public void WriteTo(IFlash flash, int address)
        {
            Verify(flash.Size);
            byte[] data = ToBinary();
            flash.EraseSector(address);
            flash.Write(address, data, 0, data.Length);
        }

        /// <summary>
        /// Checks what gen_esp32part checks before it writes a table (alignment, unique names, overlaps, otadata) and
        /// that it fits a flash of flashSize bytes. Throws <see cref="PartitionTableException"/> with gen_esp32part's text.
        /// </summary>
        public void Verify(int flashSize)
        {
            PartitionValidation.Verify(_entries, flashSize);
        }

        private static PartitionEntry ParseEntry(byte[] data, int record, int index, int flashSize)
        {
            uint start = LittleEndian.ReadUInt32(data, record + 4);
            uint size = LittleEndian.ReadUInt32(data, record + 8);
            if (start > (uint)flashSize || size > (uint)flashSize - start)
                throw new PartitionTableException("partition " + index.ToString() + " invalid - offset 0x" + start.ToString("x")
                    + " size 0x" + size.ToString("x") + " exceeds flash chip size 0x" + flashSize.ToString("x"));
            int labelLength = 0;
            while (labelLength < LabelSize && data[record + 12 + labelLength] != 0)
                labelLength++;
            string label = new string(Encoding.UTF8.GetChars(data, record + 12, labelLength));
            return new PartitionEntry(label, data[record + 2], data[record + 3], (int)start, (int)size,
                (int)LittleEndian.ReadUInt32(data, record + 28));
        }

        private static void CheckMd5Record(byte[] data, int offset, int position, bool md5Seen)
        {
            if (md5Seen)
                throw new PartitionTableException("Only one MD5 checksum is allowed (second MD5 record at offset 0x" + position.ToString("x") + ")");
            byte[] computed = Md5.Compute(data, offset, position);
            for (int i = 0; i < Md5.DigestSize; i++)
                if (computed[i] != data[offset + position + 16 + i])
                    throw new PartitionTableException("MD5 checksums don't match! (computed: 0x" + Md5.ToHex(computed, 0, Md5.DigestSize)
                        + ", parsed: 0x" + Md5.ToHex(data, offset + position + 16, Md5.DigestSize) + ")");
        }

        private static void WriteEntry(PartitionEntry entry, byte[] data, int record)
        {
            LittleEndian.WriteUInt16(data, record, EntryMagic);
            data[record + 2] = (byte)entry.Type;
            data[record + 3] = (byte)entry.Subtype;
            LittleEndian.WriteUInt32(data, record + 4, (uint)entry.Offset);
            LittleEndian.WriteUInt32(data, record + 8, (uint)entry.Size);
            byte[] label = Encoding.UTF8.GetBytes(entry.Label);
            Array.Copy(label, 0, data, record + 12, label.Length < LabelSize ? label.Length : LabelSize);
            LittleEndian.WriteUInt32(data, record + 28, (uint)entry.Flags);
        }
    }
}

using System;
using OvmsOta.Engine;
using OvmsOta.Flash;
using OvmsOta.Partitions;

namespace OvmsOta.Shell
{
    /// <summary>`ota partitions list`: the table as it is on flash now, in OVMS's columns, and whether its MD5 matches.</summary>
    public sealed class PartitionListCommand
    {
        public const string ReadErrorText = "Error: Failed to read partition table";

        private readonly ModuleSlots _slots;

        public PartitionListCommand(ModuleSlots slots)
        {
            _slots = slots;
        }

        public void Run(IShellOutput output)
        {
            byte[] data = new byte[PartitionTable.MaxLength];
            PartitionTable table;
            int md5At;
            bool digestMatches;
            try
            {
                _slots.Flash.Read(_slots.TableOffset, data, 0, data.Length);
                md5At = FindMd5Record(data);
                digestMatches = md5At >= 0 && DigestMatches(data, md5At);
                // Parse a copy without the MD5 record, so a table whose digest fails is still listed (and marked FAIL).
                byte[] entries = new byte[data.Length];
                Array.Copy(data, entries, data.Length);
                if (md5At >= 0)
                    Erased.Fill(entries, md5At, data.Length - md5At);
                table = PartitionTable.FromBinary(entries, 0, entries.Length, _slots.Flash.Size);
            }
            catch (Exception)
            {
                output.WriteLine(ReadErrorText);
                return;
            }
            output.WriteLine("Partition table:");
            output.WriteLine(Row("Label", "Type", "Subtype", "   Address", "Size"));
            for (int i = 0; i < table.Count; i++)
            {
                PartitionEntry p = table[i];
                output.WriteLine(Row(p.Label, p.TypeName, p.SubtypeName, "0x" + p.Offset.ToString("x8"), SizeText(p.Size)));
            }
            string digest = md5At >= 0 ? Md5.ToHex(data, md5At + 16, Md5.DigestSize) + (digestMatches ? " pass" : " FAIL") : "none";
            output.WriteLine("Digest:".PadRight(17, ' ') + digest);
        }

        /// <summary>"N MB" when MiB-aligned, "N KB" when KiB-aligned, else 0x%08x, as OVMS prints sizes.</summary>
        public static string SizeText(int size)
        {
            if (size % 0x100000 == 0)
                return (size / 0x100000).ToString() + " MB";
            if (size % 0x400 == 0)
                return (size / 0x400).ToString() + " KB";
            return "0x" + size.ToString("x8");
        }

        private static string Row(string label, string type, string subtype, string address, string size)
        {
            return label.PadRight(16, ' ') + " " + type.PadRight(4, ' ') + " " + subtype.PadRight(12, ' ') + " " + address + " " + size;
        }

        private static int FindMd5Record(byte[] data)
        {
            for (int at = 0; at + PartitionTable.EntrySize <= data.Length; at += PartitionTable.EntrySize)
            {
                int magic = LittleEndian.ReadUInt16(data, at);
                if (magic == PartitionTable.Md5Magic)
                    return at;
                if (magic != PartitionTable.EntryMagic)
                    return -1;
            }
            return -1;
        }

        private static bool DigestMatches(byte[] data, int md5At)
        {
            byte[] computed = Md5.Compute(data, 0, md5At);
            for (int i = 0; i < Md5.DigestSize; i++)
                if (computed[i] != data[md5At + 16 + i])
                    return false;
            return true;
        }
    }
}

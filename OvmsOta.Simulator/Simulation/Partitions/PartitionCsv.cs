using System.Collections;
using System.Text;
using OvmsOta.Partitions;

namespace OvmsOta.Simulation
{
    /// <summary>
    /// The partition CSV of ESP-IDF's gen_esp32part.py: "Name, Type, SubType, Offset, Size, Flags", '#' comments,
    /// numbers as Python int(x, 0) with K/M suffixes, empty offsets placed after the previous partition (64 KB
    /// aligned for apps, 4 KB otherwise), a negative size meaning "ends at that address". Parsing also runs
    /// gen_esp32part's validation; errors carry its texts. Environment variables are not expanded (the engine has
    /// no environment): a line starting with $NAME is rejected as gen_esp32part rejects an unknown one.
    /// </summary>
    public static class PartitionCsv
    {
        private static readonly string[] FlagNames = { "encrypted", "readonly" };
        private static readonly int[] FlagBits = { PartitionEntry.FlagEncrypted, PartitionEntry.FlagReadOnly };

        /// <summary>Parses and verifies text for a flash of flashSize bytes.</summary>
        public static PartitionTable Parse(string text, int flashSize)
        {
            ArrayList rows = ParseRows(text);
            var entries = new PartitionEntry[rows.Count];
            int lastEnd = PartitionTable.FirstPartitionOffset;
            for (int i = 0; i < rows.Count; i++)
            {
                var row = (CsvRow)rows[i];
                if (row.HasOffset && row.Offset < lastEnd)
                {
                    string where = i == 0
                        ? "But partition table occupies the whole sector 0x" + PartitionTable.DefaultOffset.ToString("x")
                            + ". Use a free offset 0x" + lastEnd.ToString("x") + " or higher."
                        : "Previous partition ends 0x" + lastEnd.ToString("x");
                    throw new PartitionTableException("CSV Error at line " + row.LineNumber.ToString()
                        + ": Partitions overlap. Partition sets offset 0x" + row.Offset.ToString("x") + ". " + where);
                }
                if (!row.HasOffset)
                {
                    int alignment = PartitionTypes.OffsetAlignment(row.Type);
                    if (lastEnd % alignment != 0)
                        lastEnd += alignment - lastEnd % alignment;
                    row.Offset = lastEnd;
                }
                if (row.Size < 0)
                    row.Size = -row.Size - row.Offset;
                lastEnd = row.Offset + row.Size;
                entries[i] = new PartitionEntry(row.Name, row.Type, row.Subtype, row.Offset, row.Size, row.Flags);
            }
            var table = new PartitionTable(entries);
            table.Verify(flashSize);
            return table;
        }

        /// <summary>The CSV gen_esp32part writes for table (its to_csv): keywords where known, sizes in K/M when whole.</summary>
        public static string Format(PartitionTable table)
        {
            var text = new StringBuilder();
            text.Append("# ESP-IDF Partition Table\n# Name, Type, SubType, Offset, Size, Flags\n");
            for (int i = 0; i < table.Count; i++)
            {
                PartitionEntry p = table[i];
                string type = PartitionTypes.TypeName(p.Type) ?? p.Type.ToString();
                string subtype = PartitionTypes.SubtypeName(p.Type, p.Subtype) ?? p.Subtype.ToString();
                text.Append(p.Label + "," + type + "," + subtype + ",0x" + p.Offset.ToString("x") + "," + SizeText(p.Size) + "," + FlagsText(p.Flags) + "\n");
            }
            return text.ToString();
        }

        private static ArrayList ParseRows(string text)
        {
            var rows = new ArrayList();
            if (text.Length > 0 && text[0] == '\uFEFF')
                text = text.Substring(1);
            string[] lines = text.Split(new char[] { '\n' });
            int count = lines.Length;
            if (count > 0 && lines[count - 1].Length == 0)
                count--; // a final newline ends the last line, it does not start another
            for (int i = 0; i < count; i++)
            {
                string line = lines[i].TrimEnd(new char[] { '\r' });
                RejectVariable(line);
                line = line.Trim();
                if (line.Length == 0 || line[0] == '#')
                    continue;
                try
                {
                    rows.Add(ParseRow(line, i + 1));
                }
                catch (PartitionTableException e)
                {
                    throw new PartitionTableException("Error at line " + (i + 1).ToString() + ": " + e.Message);
                }
            }
            return rows;
        }

        private static CsvRow ParseRow(string line, int lineNumber)
        {
            string[] fields = (line + ",,,,").Split(new char[] { ',' });
            for (int i = 0; i < fields.Length; i++)
                fields[i] = fields[i].Trim();
            var row = new CsvRow();
            row.LineNumber = lineNumber;
            row.Name = fields[0];
            if (fields[1].Length == 0)
                throw new PartitionTableException("Field 'type' can't be left empty.");
            row.Type = (int)CsvNumber.Parse(fields[1], PartitionTypes.TypeKeywords, -1);
            row.Subtype = ParseSubtype(fields[2], row.Type);
            row.HasOffset = fields[3].Length > 0;
            if (row.HasOffset)
                row.Offset = (int)CsvNumber.Parse(fields[3], null, -1);
            if (fields[4].Length == 0)
                throw new PartitionTableException("Size field can't be empty");
            row.Size = (int)CsvNumber.Parse(fields[4], null, -1);
            row.Flags = ParseFlags(fields[5]);
            return row;
        }

        private static int ParseSubtype(string field, int type)
        {
            if (field.Length > 0)
                return (int)CsvNumber.Parse(field, PartitionTypes.SubtypeKeywords(type), type);
            if (type == PartitionTypes.App)
                throw new PartitionTableException("App partition cannot have an empty subtype");
            return PartitionTypes.DataUndefined;
        }

        private static int ParseFlags(string field)
        {
            int flags = 0;
            foreach (string flag in field.Split(new char[] { ':' }))
            {
                int bit = FlagBit(flag);
                if (bit != 0)
                    flags |= bit;
                else if (flag.Length > 0)
                    throw new PartitionTableException("CSV flag column contains unknown flag '" + flag + "'");
            }
            return flags;
        }

        private static int FlagBit(string name)
        {
            for (int i = 0; i < FlagNames.Length; i++)
                if (FlagNames[i] == name)
                    return FlagBits[i];
            return 0;
        }

        private static string FlagsText(int flags)
        {
            string text = "";
            for (int i = 0; i < FlagNames.Length; i++)
                if ((flags & FlagBits[i]) != 0)
                    text = text.Length == 0 ? FlagNames[i] : text + ":" + FlagNames[i];
            return text;
        }

        private static string SizeText(int size)
        {
            if (size % 0x100000 == 0)
                return (size / 0x100000).ToString() + "M";
            if (size % 0x400 == 0)
                return (size / 0x400).ToString() + "K";
            return "0x" + size.ToString("x");
        }

        /// <summary>gen_esp32part expands $VAR, then rejects a line that still starts with one.</summary>
        private static void RejectVariable(string line)
        {
            if (line.Length < 2 || line[0] != '$')
                return;
            int end = 1;
            while (end < line.Length && IsNameChar(line[end], end == 1))
                end++;
            if (end > 1)
                throw new PartitionTableException("unknown variable '" + line.Substring(1, end - 1) + "'");
        }

        private static bool IsNameChar(char c, bool first)
        {
            bool letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
            return letter || (!first && c >= '0' && c <= '9');
        }

        private sealed class CsvRow
        {
            public int LineNumber;
            public string Name;
            public int Type;
            public int Subtype;
            public bool HasOffset;
            public int Offset;
            public int Size;
            public int Flags;
        }
    }
}

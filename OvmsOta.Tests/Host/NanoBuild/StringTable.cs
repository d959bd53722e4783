using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace OvmsOta.Tests.Host.NanoBuild
{
    /// <summary>
    /// An assembly's string table as nanoFramework's metadata processor lays it out
    /// (metadata-processor MetadataProcessor.Shared/Tables/nanoStringTable.cs): one entry per distinct string
    /// (ordinal comparison), each stored as its UTF-8 bytes plus a terminating NUL, starting with the empty string.
    /// Entries are addressed by 16-bit offsets: the processor refuses a table past 65,535 bytes
    /// ("String table overflow in assembly ...").
    /// </summary>
    public sealed class StringTable
    {
        /// <summary>The largest table the processor writes: it throws when an entry would end past this many bytes.</summary>
        public const int HardLimitBytes = ushort.MaxValue;

        private readonly Dictionary<string, StringKind> kinds = new(StringComparer.Ordinal);

        public StringTable()
        {
            Add(string.Empty, StringKind.Name);
        }

        /// <summary>Table size in bytes.</summary>
        public int Bytes { get; private set; }

        public int Count => kinds.Count;

        /// <summary>Bytes of the entries first added as kind (a string is stored once, under its first kind).</summary>
        public int BytesOf(StringKind kind) => kinds.Where(k => k.Value == kind).Sum(k => EntryBytes(k.Key));

        public bool Contains(string value) => kinds.ContainsKey(value);

        public void Add(string value, StringKind kind)
        {
            if (value == null || kinds.ContainsKey(value))
                return;
            kinds.Add(value, kind);
            Bytes += EntryBytes(value);
        }

        public static int EntryBytes(string value) => Encoding.UTF8.GetByteCount(value) + 1;
    }
}

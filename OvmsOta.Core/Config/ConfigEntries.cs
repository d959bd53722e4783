using System.Collections;
using System.Text;

namespace OvmsOta.Config
{
    /// <summary>
    /// The stored values and their payload format: UTF-8 text, one "param TAB instance TAB value LF" line per value,
    /// in the order they were first set. Readable in a hex dump, and the validation keeps tabs and line breaks out of
    /// values. Entries this firmware does not know (a newer version's) are kept and written back unchanged.
    /// Immutable: a change makes a new set, which the store adopts only once it is on flash.
    /// </summary>
    public sealed class ConfigEntries
    {
        private const char FieldSeparator = '\t';
        private const char LineEnd = '\n';

        private readonly ConfigEntry[] _entries;
        private readonly int _skippedLines;

        private ConfigEntries(ConfigEntry[] entries, int skippedLines)
        {
            _entries = entries;
            _skippedLines = skippedLines;
        }

        public static readonly ConfigEntries None = new ConfigEntries(new ConfigEntry[0], 0);

        public int Count { get { return _entries.Length; } }

        public ConfigEntry this[int index] { get { return _entries[index]; } }

        /// <summary>Lines of the payload that did not have three fields (only another writer's bug could make them).</summary>
        public int SkippedLines { get { return _skippedLines; } }

        /// <summary>The stored value of param/instance, or null.</summary>
        public string Get(string param, string instance)
        {
            int index = IndexOf(param, instance);
            return index < 0 ? null : _entries[index].Value;
        }

        /// <summary>A copy with param/instance set to value (null removes it); a new instance goes last.</summary>
        public ConfigEntries With(string param, string instance, string value)
        {
            var list = new ArrayList();
            bool placed = false;
            foreach (ConfigEntry entry in _entries)
            {
                if (!entry.Is(param, instance))
                    list.Add(entry);
                else if (value != null && !placed)
                {
                    list.Add(new ConfigEntry(param, instance, value));
                    placed = true;
                }
            }
            if (value != null && !placed)
                list.Add(new ConfigEntry(param, instance, value));
            return new ConfigEntries((ConfigEntry[])list.ToArray(typeof(ConfigEntry)), 0);
        }

        /// <summary>A copy without any instance of param.</summary>
        public ConfigEntries WithoutParam(string param)
        {
            var list = new ArrayList();
            foreach (ConfigEntry entry in _entries)
                if (entry.Param != param)
                    list.Add(entry);
            return new ConfigEntries((ConfigEntry[])list.ToArray(typeof(ConfigEntry)), 0);
        }

        /// <summary>The payload bytes.</summary>
        public byte[] Encode()
        {
            var text = new StringBuilder();
            foreach (ConfigEntry entry in _entries)
            {
                text.Append(entry.Param);
                text.Append(FieldSeparator);
                text.Append(entry.Instance);
                text.Append(FieldSeparator);
                text.Append(entry.Value);
                text.Append(LineEnd);
            }
            return Encoding.UTF8.GetBytes(text.ToString());
        }

        /// <summary>Parses a payload; lines without exactly three fields are skipped and counted.</summary>
        public static ConfigEntries Decode(byte[] payload)
        {
            if (payload.Length == 0)
                return None;
            string text = Encoding.UTF8.GetString(payload, 0, payload.Length);
            var list = new ArrayList();
            int skipped = 0;
            foreach (string line in text.Split(new char[] { LineEnd }))
            {
                if (line.Length == 0)
                    continue;
                string[] fields = line.Split(new char[] { FieldSeparator });
                if (fields.Length != 3 || fields[0].Length == 0 || fields[1].Length == 0)
                {
                    skipped++;
                    continue;
                }
                list.Add(new ConfigEntry(fields[0], fields[1], fields[2]));
            }
            return new ConfigEntries((ConfigEntry[])list.ToArray(typeof(ConfigEntry)), skipped);
        }

        private int IndexOf(string param, string instance)
        {
            for (int i = 0; i < _entries.Length; i++)
                if (_entries[i].Is(param, instance))
                    return i;
            return -1;
        }
    }
}

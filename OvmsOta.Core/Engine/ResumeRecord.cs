using System;
using System.Text;
using OvmsOta.Config;
using OvmsOta.Flash;
using OvmsOta.Partitions;
using OvmsOta.Ports;
using OvmsOta.UpdateServer;

namespace OvmsOta.Engine
{
    /// <summary>
    /// What a download after a power cut or reset needs to go on where the last one stopped: which image (URL, length,
    /// ETag, Last-Modified), which slot, and a lower bound of the bytes written there. Kept in its own two-copy region
    /// (<see cref="ConfigRegion"/>: sequence, CRC-32, the new copy written into the sector not in use), the two sectors
    /// below the config's at the end of store; a cut while it is written leaves the previous record or the new one,
    /// never a torn one. The count is written only after the bytes it covers are in flash, and a resume re-verifies
    /// those bytes from the slot (<see cref="OvmsOta.Update.OtaUpdater.Resume"/>) rather than trusting the record.
    /// </summary>
    public sealed class ResumeRecord
    {
        /// <summary>Bytes between two saves: at most this much (plus one sector) is fetched again after a cut.</summary>
        public const int DefaultInterval = 256 * 1024;

        const string Format = "resume 1";
        static readonly char[] LineEnd = new char[] { '\n' };

        readonly ConfigRegion _region;
        bool _stored;

        public ResumeRecord(ConfigRegion region)
        {
            _region = region;
            Interval = DefaultInterval;
            _stored = true; // unknown until read: the first Clear reads it
        }

        /// <summary>The region in store: the two sectors below the config's (throws ArgumentException when store has no room).</summary>
        public static ConfigRegion InStore(IFlash flash, PartitionTable table)
        {
            PartitionEntry store = table.Store;
            int config = ConfigRegion.DefaultAddress(store);
            int size = ConfigRegion.CopyCount * ConfigRegion.DefaultCopySize;
            if (config - size < store.Offset)
                throw new ArgumentException("store partition " + store.ToString() + " has no room for the resume record below the config");
            return new ConfigRegion(flash, config - size, ConfigRegion.DefaultCopySize);
        }

        public ConfigRegion Region { get { return _region; } }

        /// <summary>Bytes between two saves (tests shorten it).</summary>
        public int Interval { get; set; }

        /// <summary>The bytes of identity an earlier attempt wrote into target, or 0 (no record, another image or slot, unreadable).</summary>
        public int Find(ImageIdentity identity, PartitionEntry target)
        {
            string[] lines = Lines();
            if (lines == null || lines.Length < 7 || lines[0] != Format)
                return 0;
            if (lines[1] != target.Offset.ToString() || lines[3] != identity.Length.ToString() || lines[6] != identity.Url)
                return 0;
            ImageIdentity recorded = new ImageIdentity(lines[6], identity.Length, Optional(lines[4]), Optional(lines[5]));
            if (!recorded.SameAs(identity))
                return 0;
            int held = 0;
            for (int i = 0; i < lines[2].Length && i < 9; i++)
            {
                char c = lines[2][i];
                if (c < '0' || c > '9')
                    return 0;
                held = held * 10 + (c - '0');
            }
            return held <= identity.Length ? held : 0;
        }

        /// <summary>Records that [0, held) of identity is in target. Values with a line end are not recorded (nothing to resume then).</summary>
        public void Save(ImageIdentity identity, PartitionEntry target, int held)
        {
            string text = Format + "\n" + target.Offset.ToString() + "\n" + held.ToString() + "\n" + identity.Length.ToString() + "\n"
                + Text(identity.ETag) + "\n" + Text(identity.LastModified) + "\n" + identity.Url + "\n";
            if (Contains(identity.Url) || Contains(identity.ETag) || Contains(identity.LastModified))
                return;
            byte[] payload = Encoding.UTF8.GetBytes(text);
            if (payload.Length > _region.Capacity)
                return;
            _region.Write(payload, payload.Length);
            _stored = true;
        }

        /// <summary>Forgets the record (the update finished, or what it covers is void); writes only when there is one.</summary>
        public void Clear()
        {
            if (!_stored)
                return;
            if (_region.Read().Payload.Length > 0)
                _region.Write(new byte[0], 0);
            _stored = false;
        }

        string[] Lines()
        {
            byte[] payload = _region.Read().Payload;
            if (payload.Length == 0)
                return null;
            return new string(Encoding.UTF8.GetChars(payload, 0, payload.Length)).Split(LineEnd);
        }

        static string Text(string value)
        {
            return value == null ? string.Empty : value;
        }

        static string Optional(string line)
        {
            return line.Length == 0 ? null : line;
        }

        static bool Contains(string value)
        {
            return value != null && value.IndexOf('\n') >= 0;
        }
    }
}

using System;
using OvmsOta.Flash;
using OvmsOta.Partitions;
using OvmsOta.Ports;

namespace OvmsOta.Config
{
    /// <summary>
    /// The power-cut-safe home of the configuration: two copies, each <see cref="CopySize"/> bytes (whole sectors),
    /// side by side at <see cref="Address"/>. A copy is a 20-byte header (magic "OCFG", format version, sequence,
    /// payload length, CRC-32 over header bytes 0-15 and the payload; all little-endian) followed by the payload.
    /// As with otadata, the valid copy with the higher sequence is in use, and a write always goes to the OTHER copy
    /// (erase its sectors, then one write of header and payload) with sequence + 1, so a cut at any instant leaves the
    /// old copy or the new one readable. Sequences compare in serial-number arithmetic, so wrap-around is harmless.
    /// </summary>
    public sealed class ConfigRegion
    {
        public const uint Magic = 0x4746434F;   // "OCFG" as bytes
        public const uint FormatVersion = 1;
        public const int HeaderSize = 20;
        public const int CopyCount = 2;
        public const int DefaultCopySize = FlashGeometry.SectorSize;

        private const int MagicAt = 0;
        private const int VersionAt = 4;
        private const int SeqAt = 8;
        private const int LengthAt = 12;
        private const int CrcAt = 16;

        private readonly IFlash _flash;
        private readonly int _address;
        private readonly int _copySize;
        private readonly byte[] _buffer;   // one copy, reused for every read and write

        /// <summary>
        /// Two copies of copySize bytes (a multiple of 4 KB) from address (sector-aligned) inside flash.
        /// Throws ArgumentException naming the bad value.
        /// </summary>
        public ConfigRegion(IFlash flash, int address, int copySize)
        {
            if (flash == null)
                throw new ArgumentNullException("flash");
            if (copySize <= 0 || copySize % FlashGeometry.SectorSize != 0)
                throw new ArgumentException("config copy size must be a positive multiple of 0x1000, got 0x" + copySize.ToString("x"));
            if (address < 0 || address % FlashGeometry.SectorSize != 0)
                throw new ArgumentException("config region at 0x" + address.ToString("x") + " is not aligned to 0x1000");
            if (address > flash.Size - CopyCount * copySize)
                throw new ArgumentException("config region 0x" + address.ToString("x") + "+0x" + (CopyCount * copySize).ToString("x")
                    + " does not fit a flash of 0x" + flash.Size.ToString("x") + " bytes");
            _flash = flash;
            _address = address;
            _copySize = copySize;
            _buffer = new byte[copySize];
        }

        /// <summary>
        /// The default home: the last two sectors of the store partition (see the README for why). Throws
        /// ArgumentException when the table has no store (data/fat "store") partition or it is too small.
        /// </summary>
        public static ConfigRegion InStore(IFlash flash, PartitionTable table)
        {
            if (table == null)
                throw new ArgumentNullException("table");
            return new ConfigRegion(flash, DefaultAddress(table.Store), DefaultCopySize);
        }

        /// <summary>Start of the last two sectors of store.</summary>
        public static int DefaultAddress(PartitionEntry store)
        {
            if (store == null)
                throw new ArgumentException("the partition table has no store partition (data/fat labelled \"store\") to keep the configuration in");
            if (store.Size < CopyCount * DefaultCopySize || store.End % FlashGeometry.SectorSize != 0)
                throw new ArgumentException("store partition " + store.ToString() + " cannot hold two 4 KB config copies at its end");
            return store.End - CopyCount * DefaultCopySize;
        }

        public int Address { get { return _address; } }
        public int CopySize { get { return _copySize; } }
        /// <summary>Both copies: the bytes of flash this region owns.</summary>
        public int Size { get { return CopyCount * _copySize; } }
        /// <summary>Largest payload a copy holds.</summary>
        public int Capacity { get { return _copySize - HeaderSize; } }

        public int CopyAddress(int copy)
        {
            if (copy != 0 && copy != 1)
                throw new ArgumentOutOfRangeException("copy", "the config region has copies 0 and 1, not " + copy.ToString());
            return _address + copy * _copySize;
        }

        /// <summary>Reads both copies and picks the valid one with the higher sequence (copy 0 on a tie). Only reads.</summary>
        public ConfigRegionState Read()
        {
            var states = new ConfigCopyState[CopyCount];
            var problems = new string[CopyCount];
            var seqs = new uint[CopyCount];
            var payloads = new byte[CopyCount][];
            for (int copy = 0; copy < CopyCount; copy++)
            {
                _flash.Read(CopyAddress(copy), _buffer, 0, _copySize);
                problems[copy] = Inspect(_buffer);
                states[copy] = problems[copy] == null ? ConfigCopyState.Valid
                    : Erased.IsErased(_buffer, 0, HeaderSize) ? ConfigCopyState.Blank : ConfigCopyState.Damaged;
                if (states[copy] != ConfigCopyState.Valid)
                    continue;
                seqs[copy] = LittleEndian.ReadUInt32(_buffer, SeqAt);
                int length = (int)LittleEndian.ReadUInt32(_buffer, LengthAt);
                payloads[copy] = new byte[length];
                Array.Copy(_buffer, HeaderSize, payloads[copy], 0, length);
            }
            int active = PickActive(states, seqs);
            if (active == ConfigRegionState.NoCopy)
            {
                bool blank = states[0] == ConfigCopyState.Blank && states[1] == ConfigCopyState.Blank;
                string warning = blank ? null : ConfigTexts.NoValidCopy(_address, CopyAddress(0), problems[0], CopyAddress(1), problems[1]);
                return new ConfigRegionState(states, problems, active, 0, new byte[0], warning);
            }
            return new ConfigRegionState(states, problems, active, seqs[active], payloads[active], null);
        }

        /// <summary>
        /// Stores payload[0..length) as the new configuration: into the copy NOT in use, with its sequence + 1 (1 on a
        /// store with no valid copy, into copy 0). Flash operations: one erase per sector of the copy, then one write.
        /// Returns the new sequence. Throws ArgumentException when length exceeds <see cref="Capacity"/> (callers check
        /// first with an owner-facing message).
        /// </summary>
        public uint Write(byte[] payload, int length)
        {
            if (length < 0 || length > Capacity)
                throw new ArgumentException("config payload of " + length.ToString() + " bytes does not fit a copy (at most " + Capacity.ToString() + ")");
            ConfigRegionState state = Read();
            int target = state.ActiveCopy == 0 ? 1 : 0;
            uint seq = state.ActiveCopy == ConfigRegionState.NoCopy ? 1 : state.Seq + 1;

            LittleEndian.WriteUInt32(_buffer, MagicAt, Magic);
            LittleEndian.WriteUInt32(_buffer, VersionAt, FormatVersion);
            LittleEndian.WriteUInt32(_buffer, SeqAt, seq);
            LittleEndian.WriteUInt32(_buffer, LengthAt, (uint)length);
            Array.Copy(payload, 0, _buffer, HeaderSize, length);
            LittleEndian.WriteUInt32(_buffer, CrcAt, CrcOf(_buffer, length));

            int address = CopyAddress(target);
            for (int sector = 0; sector < _copySize; sector += FlashGeometry.SectorSize)
                _flash.EraseSector(address + sector);
            _flash.Write(address, _buffer, 0, HeaderSize + length);
            return seq;
        }

        /// <summary>Null when copy holds a valid header and payload, else why not.</summary>
        private string Inspect(byte[] copy)
        {
            if (Erased.IsErased(copy, 0, HeaderSize))
                return ConfigTexts.CopyBlank;
            uint magic = LittleEndian.ReadUInt32(copy, MagicAt);
            if (magic != Magic)
                return ConfigTexts.CopyProblem("magic", magic, Magic);
            uint version = LittleEndian.ReadUInt32(copy, VersionAt);
            if (version != FormatVersion)
                return ConfigTexts.CopyProblem("format version", version, FormatVersion);
            uint length = LittleEndian.ReadUInt32(copy, LengthAt);
            if (length > (uint)Capacity)
                return ConfigTexts.CopyTooLong(length, Capacity);
            uint crc = LittleEndian.ReadUInt32(copy, CrcAt);
            uint expected = CrcOf(copy, (int)length);
            if (crc != expected)
                return ConfigTexts.CopyProblem("CRC", crc, expected);
            return null;
        }

        /// <summary>CRC-32 of header bytes [0, 16) (everything before the CRC field) and the payload.</summary>
        private static uint CrcOf(byte[] copy, int length)
        {
            uint register = Crc32.Update(Crc32.StandardInit, copy, 0, CrcAt);
            return ~Crc32.Update(register, copy, HeaderSize, length);
        }

        private static int PickActive(ConfigCopyState[] states, uint[] seqs)
        {
            bool valid0 = states[0] == ConfigCopyState.Valid;
            bool valid1 = states[1] == ConfigCopyState.Valid;
            if (valid0 && valid1)
                return (int)(seqs[1] - seqs[0]) > 0 ? 1 : 0;
            if (valid0)
                return 0;
            return valid1 ? 1 : ConfigRegionState.NoCopy;
        }
    }
}

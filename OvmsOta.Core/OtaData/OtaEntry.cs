using System;
using OvmsOta.Flash;

namespace OvmsOta.OtaData
{
    /// <summary>
    /// One otadata entry, byte for byte esp_ota_select_entry_t: ota_seq (u32), seq_label (20 bytes, never interpreted,
    /// kept as read), ota_state (u32), crc (u32, over ota_seq only). Immutable.
    /// </summary>
    public sealed class OtaEntry
    {
        public const int Size = 32;
        public const int LabelSize = 20;
        public const uint BlankSeq = 0xFFFFFFFF;

        // Plain fields, not auto-properties: their backing fields carry CompilerGeneratedAttribute, which the device lacks.
        private readonly uint _seq;
        private readonly byte[] _label;
        private readonly uint _state;
        private readonly uint _crc;

        private OtaEntry(uint seq, byte[] label, uint state, uint crc)
        {
            _seq = seq;
            _label = label;
            _state = state;
            _crc = crc;
        }

        public uint Seq { get { return _seq; } }
        public uint State { get { return _state; } }
        public uint Crc { get { return _crc; } }

        /// <summary>A copy of the 20 label bytes.</summary>
        public byte[] Label
        {
            get { var copy = new byte[LabelSize]; Array.Copy(_label, copy, LabelSize); return copy; }
        }

        public bool HasValidCrc { get { return Crc == OtaCrc.OfSeq(Seq); } }

        /// <summary>An entry with seq, state and label (null = 0xFF x 20) and the CRC of seq.</summary>
        public static OtaEntry Create(uint seq, uint state, byte[] label)
        {
            var copy = Erased.NewBuffer(LabelSize);
            if (label != null)
                Array.Copy(label, copy, LabelSize);
            return new OtaEntry(seq, copy, state, OtaCrc.OfSeq(seq));
        }

        /// <summary>The same entry with another state (seq, label and CRC unchanged: the CRC covers only seq).</summary>
        public OtaEntry WithState(uint state)
        {
            return new OtaEntry(Seq, _label, state, Crc);
        }

        public static OtaEntry Read(byte[] buffer, int offset)
        {
            var label = new byte[LabelSize];
            Array.Copy(buffer, offset + 4, label, 0, LabelSize);
            return new OtaEntry(LittleEndian.ReadUInt32(buffer, offset), label,
                LittleEndian.ReadUInt32(buffer, offset + 24), LittleEndian.ReadUInt32(buffer, offset + 28));
        }

        /// <summary>The 32 bytes as ESP-IDF stores them.</summary>
        public byte[] ToBytes()
        {
            var bytes = new byte[Size];
            LittleEndian.WriteUInt32(bytes, 0, Seq);
            Array.Copy(_label, 0, bytes, 4, LabelSize);
            LittleEndian.WriteUInt32(bytes, 24, State);
            LittleEndian.WriteUInt32(bytes, 28, Crc);
            return bytes;
        }

        public override string ToString()
        {
            if (Seq == BlankSeq && State == OtaState.Undefined && Crc == 0xFFFFFFFF)
                return "blank";
            return "seq " + Seq.ToString() + ", state " + OtaState.Name(State) + ", crc 0x" + Crc.ToString("x8") + (HasValidCrc ? "" : " (bad, expected 0x" + OtaCrc.OfSeq(Seq).ToString("x8") + ")");
        }
    }
}

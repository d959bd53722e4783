namespace OvmsOta.Partitions
{
    /// <summary>One 32-byte record of the ESP-IDF partition table (esp_partition_info_t).</summary>
    public sealed class PartitionEntry
    {
        public const int FlagEncrypted = 0x1;
        public const int FlagReadOnly = 0x2;

        // Plain fields, not auto-properties: their backing fields carry CompilerGeneratedAttribute, which the device lacks.
        private readonly string _label;
        private readonly int _type;
        private readonly int _subtype;
        private readonly int _offset;
        private readonly int _size;
        private readonly int _flags;

        public PartitionEntry(string label, int type, int subtype, int offset, int size, int flags)
        {
            _label = label;
            _type = type;
            _subtype = subtype;
            _offset = offset;
            _size = size;
            _flags = flags;
        }

        /// <summary>Name, at most 16 bytes in the binary (longer CSV names are truncated there, as gen_esp32part does).</summary>
        public string Label { get { return _label; } }
        public int Type { get { return _type; } }
        public int Subtype { get { return _subtype; } }
        /// <summary>Absolute flash address.</summary>
        public int Offset { get { return _offset; } }
        public int Size { get { return _size; } }
        /// <summary>Bit 0 encrypted, bit 1 readonly.</summary>
        public int Flags { get { return _flags; } }

        public int End { get { return Offset + Size; } }
        public bool IsApp { get { return Type == PartitionTypes.App; } }
        public bool IsFactory { get { return Type == PartitionTypes.App && Subtype == PartitionTypes.AppFactory; } }

        /// <summary>N for an app ota_N partition, else -1.</summary>
        public int OtaIndex
        {
            get
            {
                bool ota = Type == PartitionTypes.App && Subtype >= PartitionTypes.AppOtaMin
                    && Subtype < PartitionTypes.AppOtaMin + PartitionTypes.AppOtaCount;
                return ota ? Subtype - PartitionTypes.AppOtaMin : -1;
            }
        }

        public bool IsOtaData { get { return Type == PartitionTypes.Data && Subtype == PartitionTypes.DataOta; } }

        /// <summary>Keyword of the type ("app", "data" ...) or its value in hex when there is none.</summary>
        public string TypeName
        {
            get { string name = PartitionTypes.TypeName(Type); return name ?? "0x" + Type.ToString("x2"); }
        }

        /// <summary>Keyword of the subtype ("ota_0", "nvs" ...) or its value in hex when there is none.</summary>
        public string SubtypeName
        {
            get { string name = PartitionTypes.SubtypeName(Type, Subtype); return name ?? "0x" + Subtype.ToString("x2"); }
        }

        /// <summary>Same label, type, subtype, offset, size and flags.</summary>
        public bool SameAs(PartitionEntry other)
        {
            return other != null && Label == other.Label && Type == other.Type && Subtype == other.Subtype
                && Offset == other.Offset && Size == other.Size && Flags == other.Flags;
        }

        public override string ToString()
        {
            return Label + " " + TypeName + "/" + SubtypeName + " at 0x" + Offset.ToString("x") + " size 0x" + Size.ToString("x");
        }
    }
}

using OvmsOta.Flash;

namespace OvmsOta.Bundle
{
    /// <summary>
    /// nanoFramework's assembly header (nanoCLR's CLR_RECORD_ASSEMBLY, marker "NFMRK2"), the first 128 bytes of every
    /// .pe in a deployment: marker, header CRC, assembly CRC, flags, native methods checksum, version, name (a string
    /// table index), string table version, the start of each of the 18 tables (the last one is the assembly's size)
    /// and their padding. Offsets and the checks are nanoCLR's GoodHeader / GoodAssembly.
    /// </summary>
    public static class AssemblyHeader
    {
        public const int Size = 128;
        public const int HeaderCrcOffset = 8;
        public const int AssemblyCrcOffset = 12;
        public const int FlagsOffset = 16;
        public const int NativeChecksumOffset = 20;
        public const int VersionOffset = 24;
        public const int NameOffset = 32;
        public const int StringTableVersionOffset = 34;
        public const int TablesOffset = 36;
        public const int TableCount = 18;
        public const int StringsTable = 13;
        public const int EndOfAssemblyTable = 17;
        public const int TotalSizeOffset = TablesOffset + 4 * EndOfAssemblyTable;
        public const int StringTableVersion = 1;

        /// <summary>"NFMRK2" and its NUL: what nanoCLR compares (the eighth byte is not compared).</summary>
        public static readonly byte[] Marker = new byte[] { 0x4E, 0x46, 0x4D, 0x52, 0x4B, 0x32, 0x00 };

        /// <summary>The header CRC over header[offset..offset+128) with its own field taken as 0.</summary>
        public static uint HeaderCrc(byte[] header, int offset)
        {
            uint crc = NanoCrc.Update(0, header, offset, HeaderCrcOffset);
            crc = NanoCrc.Update(crc, Zeros, 0, 4);
            return NanoCrc.Update(crc, header, offset + HeaderCrcOffset + 4, Size - HeaderCrcOffset - 4);
        }

        public static bool HasMarker(byte[] header, int offset)
        {
            for (int i = 0; i < Marker.Length; i++)
            {
                if (header[offset + i] != Marker[i])
                    return false;
            }
            return true;
        }

        public static uint TotalSize(byte[] header, int offset)
        {
            return LittleEndian.ReadUInt32(header, offset + TotalSizeOffset);
        }

        public static uint NativeChecksum(byte[] header, int offset)
        {
            return LittleEndian.ReadUInt32(header, offset + NativeChecksumOffset);
        }

        private static readonly byte[] Zeros = new byte[4];
    }
}

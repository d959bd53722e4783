using OvmsOta.Flash;

namespace OvmsOta.Image
{
    /// <summary>esp_app_desc_t, the 256 bytes at image offset 0x20 (start of segment 0's data).</summary>
    public sealed class AppDescription
    {
        // Field offsets inside esp_app_desc_t.
        public const int MagicOffset = 0x00;
        public const int SecureVersionOffset = 0x04;
        public const int VersionOffset = 0x10;
        public const int ProjectNameOffset = 0x30;
        public const int TimeOffset = 0x50;
        public const int DateOffset = 0x60;
        public const int IdfVersionOffset = 0x70;
        public const int ElfSha256Offset = 0x90;
        public const int MinEfuseBlockRevOffset = 0xB0;
        public const int MaxEfuseBlockRevOffset = 0xB2;
        public const int MmuPageSizeOffset = 0xB4;
        public const int SpiFlashModeOffset = 0xB5;
        public const int VersionSize = 32;
        public const int ProjectNameSize = 32;
        public const int TimeSize = 16;
        public const int DateSize = 16;
        public const int IdfVersionSize = 32;

        public uint Magic { get; private set; }
        public uint SecureVersion { get; private set; }
        /// <summary>PROJECT_VER; for OVMS the bare OVMS_VERSION.</summary>
        public string Version { get; private set; }
        public string ProjectName { get; private set; }
        /// <summary>__TIME__ of the build, "12:00:00".</summary>
        public string Time { get; private set; }
        /// <summary>__DATE__ of the build, "Jan  1 2025".</summary>
        public string Date { get; private set; }
        public string IdfVersion { get; private set; }
        /// <summary>SHA-256 of the ELF file, 32 bytes (esptool fills it in).</summary>
        public byte[] ElfSha256 { get; private set; }
        /// <summary>Zero on IDF 3.3 images, where these bytes are reserved.</summary>
        public ushort MinEfuseBlockRevFull { get; private set; }
        public ushort MaxEfuseBlockRevFull { get; private set; }
        /// <summary>log2 of the MMU page size (16 = 64 KB); 0 = not recorded.</summary>
        public byte MmuPageSizeLog2 { get; private set; }
        /// <summary>1 QIO, 2 QOUT, 3 DIO, 4 DOUT, 5 OPI, 0 unknown (not the header's numbering).</summary>
        public byte SpiFlashMode { get; private set; }

        /// <summary>Decodes the 256 bytes at bytes[offset..]; checks nothing.</summary>
        public static AppDescription Parse(byte[] bytes, int offset)
        {
            AppDescription d = new AppDescription();
            d.Magic = LittleEndian.ReadUInt32(bytes, offset + MagicOffset);
            d.SecureVersion = LittleEndian.ReadUInt32(bytes, offset + SecureVersionOffset);
            d.Version = FixedText.Read(bytes, offset + VersionOffset, VersionSize);
            d.ProjectName = FixedText.Read(bytes, offset + ProjectNameOffset, ProjectNameSize);
            d.Time = FixedText.Read(bytes, offset + TimeOffset, TimeSize);
            d.Date = FixedText.Read(bytes, offset + DateOffset, DateSize);
            d.IdfVersion = FixedText.Read(bytes, offset + IdfVersionOffset, IdfVersionSize);
            d.ElfSha256 = new byte[32];
            System.Array.Copy(bytes, offset + ElfSha256Offset, d.ElfSha256, 0, 32);
            d.MinEfuseBlockRevFull = (ushort)LittleEndian.ReadUInt16(bytes, offset + MinEfuseBlockRevOffset);
            d.MaxEfuseBlockRevFull = (ushort)LittleEndian.ReadUInt16(bytes, offset + MaxEfuseBlockRevOffset);
            d.MmuPageSizeLog2 = bytes[offset + MmuPageSizeOffset];
            d.SpiFlashMode = bytes[offset + SpiFlashModeOffset];
            return d;
        }
    }
}

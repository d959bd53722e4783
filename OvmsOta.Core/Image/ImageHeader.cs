using OvmsOta.Flash;

namespace OvmsOta.Image
{
    /// <summary>The 24-byte esp_image_header_t at offset 0 of an app image.</summary>
    public sealed class ImageHeader
    {
        public byte Magic { get; private set; }
        public int SegmentCount { get; private set; }
        /// <summary>0 QIO, 1 QOUT, 2 DIO, 3 DOUT, 4 FAST_READ, 5 SLOW_READ.</summary>
        public byte SpiMode { get; private set; }
        /// <summary>Low nibble of byte 3: 0 = 40 MHz, 1 = 26 MHz, 2 = 20 MHz, 0xF = 80 MHz.</summary>
        public byte SpiSpeed { get; private set; }
        /// <summary>High nibble of byte 3: 0 = 1 MB ... 4 = 16 MB ... 7 = 128 MB.</summary>
        public byte SpiSize { get; private set; }
        public uint EntryAddress { get; private set; }
        public byte WpPin { get; private set; }
        /// <summary>The three spi_pin_drv bytes as one little-endian value.</summary>
        public uint SpiPinDrive { get; private set; }
        public ushort ChipId { get; private set; }
        /// <summary>Legacy min_chip_rev (the major revision on ESP32).</summary>
        public byte MinChipRev { get; private set; }
        /// <summary>major * 100 + minor.</summary>
        public ushort MinChipRevFull { get; private set; }
        /// <summary>major * 100 + minor; 0 or 0xFFFF = not set.</summary>
        public ushort MaxChipRevFull { get; private set; }
        public bool HashAppended { get; private set; }

        /// <summary>Decodes the header fields at bytes[offset..offset + 24); checks nothing.</summary>
        public static ImageHeader Parse(byte[] bytes, int offset)
        {
            ImageHeader h = new ImageHeader();
            h.Magic = bytes[offset];
            h.SegmentCount = bytes[offset + ImageFormat.SegmentCountOffset];
            h.SpiMode = bytes[offset + ImageFormat.SpiModeOffset];
            byte speedSize = bytes[offset + ImageFormat.SpiSpeedSizeOffset];
            h.SpiSpeed = (byte)(speedSize & 0xF);
            h.SpiSize = (byte)(speedSize >> 4);
            h.EntryAddress = LittleEndian.ReadUInt32(bytes, offset + ImageFormat.EntryOffset);
            h.WpPin = bytes[offset + ImageFormat.WpPinOffset];
            int drv = offset + ImageFormat.SpiPinDrvOffset;
            h.SpiPinDrive = (uint)(bytes[drv] | (bytes[drv + 1] << 8) | (bytes[drv + 2] << 16));
            h.ChipId = (ushort)LittleEndian.ReadUInt16(bytes, offset + ImageFormat.ChipIdOffset);
            h.MinChipRev = bytes[offset + ImageFormat.MinChipRevOffset];
            h.MinChipRevFull = (ushort)LittleEndian.ReadUInt16(bytes, offset + ImageFormat.MinChipRevFullOffset);
            h.MaxChipRevFull = (ushort)LittleEndian.ReadUInt16(bytes, offset + ImageFormat.MaxChipRevFullOffset);
            h.HashAppended = bytes[offset + ImageFormat.HashAppendedOffset] == 1;
            return h;
        }
    }
}

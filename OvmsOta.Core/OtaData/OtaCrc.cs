using OvmsOta.Flash;

namespace OvmsOta.OtaData
{
    /// <summary>
    /// The otadata CRC: esp_rom_crc32_le(0xFFFFFFFF, &amp;ota_seq, 4), i.e. reflected CRC-32 (poly 0xEDB88320) whose
    /// register starts at 0 (the ROM inverts the 0xFFFFFFFF argument) with a final XOR of 0xFFFFFFFF; the same as
    /// Python zlib.crc32(le32(seq), 0xFFFFFFFF). NOT the standard CRC-32 of the four bytes (seq 1: 0x4743989A, not 0x99F8B879).
    /// </summary>
    public static class OtaCrc
    {
        public static uint OfSeq(uint seq)
        {
            return ~Crc32.UpdateLittleEndian(0, seq);
        }
    }
}

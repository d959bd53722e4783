namespace OvmsOta.Flash
{
    /// <summary>ESP32 SPI NOR flash geometry as ESP-IDF sees it.</summary>
    public static class FlashGeometry
    {
        public const int SectorSize = 4096;
        public const int BlockSize = 65536;
        public const int DeviceSize = 16 * 1024 * 1024;
        public const byte Erased = 0xFF;
    }
}

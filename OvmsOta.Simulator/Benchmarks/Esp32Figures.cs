namespace OvmsOta.Simulator.Benchmarks;

/// <summary>
/// What the device-time model turns counted operations into seconds with, each figure with its source. Typical
/// datasheet times for erases; ESP-IDF's CI thresholds (about 70 % of measured averages, so on the slow side) for
/// reads, writes and the SHA engine; issue 19's nanoCLR measurements for the managed engine.
/// </summary>
internal static class Esp32Figures
{
    /// <summary>4 KB sector erase, typical tSE (max 400 ms).</summary>
    public const double SectorEraseSeconds = 0.045;
    /// <summary>64 KB block erase, typical tBE2 (max 2 s).</summary>
    public const double BlockEraseSeconds = 0.150;
    public const string EraseSource = "Winbond W25Q128JV datasheet (16 MB SPI NOR), typical tSE 45 ms / 4 KB, tBE2 150 ms / 64 KB (max 400 ms / 2 s)";

    /// <summary>Bytes per second written in 2 KB writes (page program tPP typ. 0.4 ms per 256 B would give 640 KB/s).</summary>
    public const double WriteBytesPerSecond = 754_000;
    /// <summary>Bytes per second read in 2 KB reads.</summary>
    public const double ReadBytesPerSecond = 6_650_000;
    public const string ReadWriteSource = "ESP-IDF components/idf_test/include/esp32/idf_performance_target.h, "
        + "IDF_PERFORMANCE_MIN_FLASH_SPEED_BYTE_PER_SEC_WR_2KB 754 KB/s, _RD_2KB 6,650 KB/s (spi_flash test_flash_performance)";

    /// <summary>Hardware SHA-256 at 240 MHz, bytes per second.</summary>
    public const double ShaBytesPerSecond = 8_000_000;
    public const string ShaSource = "ESP-IDF esp32/idf_performance_target.h, IDF_PERFORMANCE_MIN_SHA256_THROUGHPUT_MBSEC 8.0";

    /// <summary>
    /// Managed engine per MB with native digests: 5.85 ms on nanoCLR on a PC, whose plain loop ran 10^6 iterations in
    /// 85 ms; an ESP32 running 10^5 such iterations a second is 118 times slower (10^6 a second: 11.8 times).
    /// </summary>
    private const double NanoClrPcSecondsPerMegabyte = 0.00585;
    private const double NanoClrPcLoopIterationsPerSecond = 1e6 / 0.085;
    public const double ManagedSecondsPerMegabyteSlow = NanoClrPcSecondsPerMegabyte * NanoClrPcLoopIterationsPerSecond / 1e5;
    public const double ManagedSecondsPerMegabyteFast = NanoClrPcSecondsPerMegabyte * NanoClrPcLoopIterationsPerSecond / 1e6;
    public const string ManagedSource = "issue 19: nanoCLR (PC) 5.85 ms/MB, stubbed digests; scaled by its loop (85 ms per 10^6) to 10^5..10^6 iterations/s";
}

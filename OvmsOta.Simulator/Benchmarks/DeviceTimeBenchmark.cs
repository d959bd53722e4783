using OvmsOta.Flash;
using OvmsOta.OtaData;
using OvmsOta.Ports;
using OvmsOta.Simulation;
using OvmsOta.Simulator.Hashing;
using OvmsOta.Update;

namespace OvmsOta.Simulator.Benchmarks;

/// <summary>
/// How long an update takes on a module: a real update on the simulated flash is counted (erases, writes, reads,
/// bytes hashed) and the counts are turned into seconds with ESP32 figures (<see cref="Esp32Figures"/>), plus the
/// managed engine's cost and the download at a link rate. The model is serial (the ESP32 stalls while it erases or
/// programs flash, so the download waits), hence an upper bound where the stack buffers well. Our erase-ahead is set
/// against erasing sector by sector and erasing the whole slot up front (OVMS's esp_ota_begin with an unknown size).
/// </summary>
public sealed class DeviceTimeBenchmark : IBenchmark
{
    private static readonly (string Name, double BytesPerSecond)[] Links =
    {
        ("wifi", 1_000_000),  // HTTP over the ESP32's wifi, well below its iperf figures
        ("4G", 80_000),       // a modem behind a 921,600 baud UART (PPP), as OVMS's SIMCom modems are
        ("2G", 5_000),        // GPRS-class
    };

    public string Name => "device-time";

    public string Description => "modelled seconds of an update on an ESP32 (2, 4, 7 MB; erase strategies; wifi, 4G, 2G)";

    public void Run(TextWriter output)
    {
        output.WriteLine($"{Name}: an update counted on the simulated flash, priced with ESP32 figures (serial model, seconds)");
        output.WriteLine($"  erase:        {Esp32Figures.EraseSource}");
        output.WriteLine($"  read, write:  {Esp32Figures.ReadWriteSource}");
        output.WriteLine($"  SHA-256:      {Esp32Figures.ShaSource}");
        output.WriteLine($"  managed:      {Esp32Figures.ManagedSource}; {Esp32Figures.ManagedSecondsPerMegabyteSlow:F2} s/MB used "
            + $"(fast end {Esp32Figures.ManagedSecondsPerMegabyteFast:F2})");
        output.WriteLine($"  links:        {string.Join(", ", Links.Select(l => $"{l.Name} {l.BytesPerSecond / 1000:F0} KB/s"))}");
        foreach (int size in new[] { 2 * UpdateBench.OneMegabyte, 4 * UpdateBench.OneMegabyte, UpdateBench.SevenMegabytes })
            Report(output, Count(size));
    }

    private static void Report(TextWriter output, UpdateCounts c)
    {
        double megabytes = c.ImageBytes / (double)UpdateBench.OneMegabyte;
        double write = c.WriteBytes / Esp32Figures.WriteBytesPerSecond;
        double read = c.ReadBytes / Esp32Figures.ReadBytesPerSecond;
        double hash = c.HashedBytes / Esp32Figures.ShaBytesPerSecond;
        double managed = megabytes * Esp32Figures.ManagedSecondsPerMegabyteSlow;
        double ours = c.BlockErases * Esp32Figures.BlockEraseSeconds + c.SectorErases * Esp32Figures.SectorEraseSeconds;
        double perSector = c.ImageSectors * Esp32Figures.SectorEraseSeconds;
        double wholeSlot = c.SlotBytes / FlashGeometry.BlockSize * Esp32Figures.BlockEraseSeconds;
        // The floor: the flash work no update can avoid, each image sector erased once (64 KB blocks) and each byte written once.
        double floor = ours + c.ImageBytes / Esp32Figures.WriteBytesPerSecond;
        double rest = write + read + hash + managed;

        output.WriteLine($"  image {UpdateBench.Size(c.ImageBytes)}: {c.BlockErases} block + {c.SectorErases} sector erases, "
            + $"{c.WriteBytes} B written, {c.ReadBytes} B read, {c.HashedBytes} B hashed ({c.HashedBytes / (double)c.ImageBytes:F2} passes)");
        output.WriteLine($"    parts: write {write,5:F1}  read-back {read,4:F1}  SHA {hash,4:F1}  managed {managed,4:F1}  "
            + $"erase: ours {ours,5:F1}, per sector {perSector,5:F1}, whole slot {wholeSlot,5:F1}");
        output.WriteLine($"    physical floor (erase + write once) {floor,5:F1} s; ours without the link {ours + rest,5:F1} s = {(ours + rest) / floor:F2} x the floor");
        output.WriteLine($"    {"total with link",-16} {"erase-ahead",12} {"per sector",11} {"whole slot",11}   download alone");
        foreach (var (name, rate) in Links)
        {
            double link = c.ImageBytes / rate;
            output.WriteLine($"    {name,-16} {link + rest + ours,12:F1} {link + rest + perSector,11:F1} {link + rest + wholeSlot,11:F1}   {link,8:F1}");
        }
    }

    private static UpdateCounts Count(int size)
    {
        byte[] image = UpdateBench.Image(size);
        var table = UpdateBench.Table();
        var flash = new SimulatedFlash(FlashGeometry.DeviceSize);
        new BootSlots(flash, table).OtaData!.SetBootSlot(0, table.OtaSlotCount, OtaState.Undefined);
        var slot = table.Find("ota_1")!;
        FlashOpCounts target = flash.Counters.AddRange("ota_1", slot.Offset, slot.Size);
        flash.Counters.Clear();
        var sha = new CountingSha256(new HostSha256());
        using var source = new MemoryStream(image, false);
        source.Position = 0;
        var updater = new OtaUpdater(flash, table, table.Find("ota_0"), new OvmsOta.Image.ImageValidator(sha, new HostChecksumFold()),
            new byte[UpdateBench.Chunk]);
        updater.Install(source, image.Length);
        FlashOpCounts total = flash.Counters.Total;
        return new UpdateCounts(image.Length, slot.Size, SlotEraser.AlignUp(image.Length, FlashGeometry.SectorSize) / FlashGeometry.SectorSize,
            total.BlockErases, total.SectorErases, total.WriteBytes, total.ReadBytes, sha.Bytes);
    }

    private sealed record UpdateCounts(int ImageBytes, int SlotBytes, int ImageSectors, int BlockErases, int SectorErases,
        long WriteBytes, long ReadBytes, long HashedBytes);

    /// <summary>Counts the bytes hashed, so the model charges the SHA engine for every pass the engine really makes.</summary>
    private sealed class CountingSha256(ISha256 inner) : ISha256
    {
        public long Bytes { get; private set; }

        public void Reset() => inner.Reset();

        public void Update(byte[] buffer, int offset, int count)
        {
            Bytes += count;
            inner.Update(buffer, offset, count);
        }

        public void Final(byte[] output, int offset) => inner.Final(output, offset);
    }
}

using OvmsOta.Image;
using OvmsOta.Partitions;
using OvmsOta.Ports;
using OvmsOta.Simulation;
using OvmsOta.Simulator.Hashing;
using OvmsOta.Update;

namespace OvmsOta.Simulator.Benchmarks;

/// <summary>
/// What the update benchmarks share: the OVMS v3-35 app layout (otadata at 0xd000, two 7 MB slots), a device
/// prepared with otadata selecting ota_0, and builder images made once, outside any measurement.
/// </summary>
internal static class UpdateBench
{
    public const int OneMegabyte = 0x100000;
    /// <summary>"7 MB": the largest builder image that fits a 7 MB slot with room for the builder's 64-byte slack.</summary>
    public const int SevenMegabytes = 0x700000 - 0x1000;
    public const int Chunk = OtaUpdater.DefaultBufferSize;

    public static PartitionTable Table() => new(new[]
    {
        new PartitionEntry("nvs", PartitionTypes.Data, PartitionTypes.DataNvs, 0x9000, 0x4000, 0),
        new PartitionEntry("otadata", PartitionTypes.Data, PartitionTypes.DataOta, 0xd000, 0x2000, 0),
        new PartitionEntry("ota_0", PartitionTypes.App, PartitionTypes.AppOtaMin, 0x10000, 0x700000, 0),
        new PartitionEntry("ota_1", PartitionTypes.App, PartitionTypes.AppOtaMin + 1, 0x710000, 0x700000, 0),
    });

    public static byte[] Image(int size) => new ImageBuilder("3.3.005-bench") { Size = size }.Build();

    /// <summary>Updates from ota_0 to ota_1 with one fresh updater (4 KB buffer), reading the image from memory.</summary>
    public static PartitionEntry Update(IFlash flash, PartitionTable table, MemoryStream source, int length)
    {
        source.Position = 0;
        var updater = new OtaUpdater(flash, table, table.Find("ota_0"), HostDigests.Validator(), new byte[Chunk]);
        return updater.Install(source, length);
    }

    /// <summary>The same bytes into the same slot without validation, read-back or switch: erase just ahead, write per chunk.</summary>
    public static void RawCopy(IFlash flash, int address, MemoryStream source, byte[] buffer)
    {
        source.Position = 0;
        var eraser = new SlotEraser(flash, address, (int)source.Length);
        int written = 0;
        int read;
        while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
        {
            eraser.EraseUpTo(address + written + read);
            flash.Write(address + written, buffer, 0, read);
            written += read;
        }
    }

    public static string Size(long bytes) => bytes >= OneMegabyte ? $"{bytes / (double)OneMegabyte:F2} MB ({bytes} B)" : $"{bytes} B";
}

using OvmsOta.Flash;
using OvmsOta.OtaData;
using OvmsOta.Partitions;

namespace OvmsOta.Simulator.Benchmarks;

/// <summary>
/// Managed bytes allocated by a whole update (updater with its 4 KB buffer and validator, stream in, write, read
/// back, switch) for a 1 MB and a 7 MB image: memory must not grow with the image (target: within 5 %).
/// </summary>
public sealed class UpdateAllocationBenchmark : IBenchmark
{
    public string Name => "update-alloc";

    public string Description => "managed bytes allocated by an update of a 1 MB and a 7 MB image (within 5 %)";

    public void Run(TextWriter output)
    {
        var table = UpdateBench.Table();
        var flash = new ArrayFlash(OvmsOta.Flash.FlashGeometry.DeviceSize);
        new BootSlots(flash, table).OtaData!.SetBootSlot(0, table.OtaSlotCount, OtaState.Undefined);
        byte[] small = UpdateBench.Image(UpdateBench.OneMegabyte);
        byte[] large = UpdateBench.Image(UpdateBench.SevenMegabytes);
        Measure(flash, table, UpdateBench.Image(64 * 1024)); // warm-up: JIT and type loading allocate once

        long smallBytes = Measure(flash, table, small);
        long largeBytes = Measure(flash, table, large);

        double difference = 100.0 * (largeBytes - smallBytes) / smallBytes;
        output.WriteLine($"{Name}: managed bytes allocated by one update (GC.GetAllocatedBytesForCurrentThread)");
        output.WriteLine($"  {UpdateBench.Size(small.Length),-26} {smallBytes,10} B");
        output.WriteLine($"  {UpdateBench.Size(large.Length),-26} {largeBytes,10} B");
        output.WriteLine($"  difference                 {difference,10:F2} %  ({(Math.Abs(difference) <= 5 ? "within" : "NOT within")} the 5 % target)");
    }

    private static long Measure(ArrayFlash flash, OvmsOta.Partitions.PartitionTable table, byte[] image)
    {
        using var source = new MemoryStream(image, false);
        long before = GC.GetAllocatedBytesForCurrentThread();
        UpdateBench.Update(flash, table, source, image.Length);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}

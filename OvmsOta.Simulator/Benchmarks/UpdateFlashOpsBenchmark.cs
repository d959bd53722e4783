using OvmsOta.Flash;
using OvmsOta.OtaData;
using OvmsOta.Simulation;
using OvmsOta.Update;

namespace OvmsOta.Simulator.Benchmarks;

/// <summary>
/// Flash operations of a whole update against the minimum: each image sector erased once (64 KB blocks where
/// aligned), each byte written once (one write per chunk plus the held-back magic byte), one otadata switch
/// (1 erase + 1 write), nothing else changed; and the read-back, read once.
/// </summary>
public sealed class UpdateFlashOpsBenchmark : IBenchmark
{
    public string Name => "update-ops";

    public string Description => "erase and write operation counts of an update against the minimum";

    public void Run(TextWriter output)
    {
        output.WriteLine($"{Name}: flash operations of one update ({UpdateBench.Chunk}-byte chunks), found vs minimum");
        foreach (int size in new[] { UpdateBench.OneMegabyte, UpdateBench.SevenMegabytes })
            Report(output, UpdateBench.Image(size));
    }

    private static void Report(TextWriter output, byte[] image)
    {
        var table = UpdateBench.Table();
        var flash = new SimulatedFlash(FlashGeometry.DeviceSize);
        new BootSlots(flash, table).OtaData!.SetBootSlot(0, table.OtaSlotCount, OtaState.Undefined);
        var slot = table.Find("ota_1")!;
        FlashOpCounts target = flash.Counters.AddRange("ota_1", slot.Offset, slot.Size);
        FlashOpCounts otadata = flash.Counters.AddRange("otadata", 0xd000, 0x2000);
        flash.Counters.Clear();
        using var source = new MemoryStream(image, false);

        UpdateBench.Update(flash, table, source, image.Length);

        int sectors = SlotEraser.AlignUp(image.Length, FlashGeometry.SectorSize);
        int blocks = sectors / FlashGeometry.BlockSize;
        int looseSectors = sectors % FlashGeometry.BlockSize / FlashGeometry.SectorSize;
        int writes = (image.Length + UpdateBench.Chunk - 1) / UpdateBench.Chunk + 1;
        FlashOpCounts total = flash.Counters.Total;
        output.WriteLine($"  image {UpdateBench.Size(image.Length)}");
        output.WriteLine($"    erased bytes in slot   {target.ErasedBytes,10}   minimum {sectors,10} (each of {sectors / FlashGeometry.SectorSize} sectors once)");
        output.WriteLine($"    erase ops in slot      {target.BlockErases,6} blocks + {target.SectorErases,4} sectors   minimum {blocks} + {looseSectors}");
        output.WriteLine($"    written bytes in slot  {target.WriteBytes,10}   minimum {image.Length,10} (each byte once)");
        output.WriteLine($"    write ops in slot      {target.Writes,10}   minimum {writes,10} (one per chunk + the magic byte)");
        output.WriteLine($"    otadata                {otadata.SectorErases,4} erase + {otadata.Writes} write   minimum 1 + 1");
        output.WriteLine($"    changes elsewhere      {total.Changes - target.Changes - otadata.Changes,10}   minimum {0,10}");
        output.WriteLine($"    bytes read (read-back + otadata) {total.ReadBytes} for an image of {image.Length}");
    }
}

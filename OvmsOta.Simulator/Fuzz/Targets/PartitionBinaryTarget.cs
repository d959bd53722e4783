using OvmsOta.Flash;
using OvmsOta.Partitions;
using OvmsOta.Simulation;

namespace OvmsOta.Simulator.Fuzz.Targets;

/// <summary>The binary partition table at 0x8000, read from flash as the engine reads it at start.</summary>
public sealed class PartitionBinaryTarget : FuzzTarget
{
    public override string Name => "partition-bin";
    public override string Description => "binary partition table at 0x8000 (PartitionTable.ReadFrom, Verify, ToBinary round trip)";
    public override Type[] AllowedErrors => [typeof(PartitionTableException)];
    public override int MaxInputLength => PartitionTable.MaxLength + 64;

    public override IReadOnlyList<byte[]> Seeds() => FuzzSeeds.Of(
        FuzzSeeds.Partitions("ovms-v3-35.bin"), FuzzSeeds.Partitions("ovms-v3-30-factory.bin"),
        FuzzSeeds.Vector("esp-idf-partitions_two_ota.bin"), FuzzSeeds.Vector("ovms-partitions.bin"), FuzzSeeds.Vector("ovms-partitions16M-factory.bin"));

    public override void Execute(byte[] input)
    {
        if (IntegrityFixup.Applies(input))
            input = IntegrityFixup.PartitionMd5(input);
        var flash = new SimulatedFlash(new MemorySectorStore(FlashGeometry.DeviceSize), 1);
        flash.Write(PartitionTable.DefaultOffset, input, 0, Math.Min(input.Length, FlashGeometry.SectorSize));
        var guard = new FlashGuard(flash, PartitionTable.DefaultOffset, FlashGeometry.SectorSize);
        try
        {
            PartitionTable table = PartitionTable.ReadFrom(flash, PartitionTable.DefaultOffset);
            table.Verify(FlashGeometry.DeviceSize);
            Inspect(table);
            PartitionTable again = PartitionTable.FromBinary(table.ToBinary(), 0, PartitionTable.MaxLength, FlashGeometry.DeviceSize);
            if (again.Count != table.Count)
                throw new FuzzPropertyException("round trip", "ToBinary/FromBinary round trip gave " + again.Count + " entries, not " + table.Count);
        }
        finally
        {
            guard.AssertUnchanged("reading the partition table");
        }
    }

    /// <summary>What the engine asks of a table it accepted; none of it may throw.</summary>
    internal static void Inspect(PartitionTable table)
    {
        OvmsLayouts.Describe(OvmsLayouts.Classify(table));
        _ = table.Factory;
        _ = table.OtaData;
        _ = table.Store;
        for (int i = 0; i < table.OtaSlotCount; i++)
            _ = table.OtaSlot(i);
        for (int i = 0; i < table.Count; i++)
        {
            _ = table[i].ToString();
            _ = table.At(table[i].Offset);
        }
    }
}

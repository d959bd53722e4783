using OvmsOta.Flash;
using OvmsOta.OtaData;
using OvmsOta.Partitions;
using OvmsOta.Simulation;

namespace OvmsOta.Simulator.Fuzz.Targets;

/// <summary>The two otadata entries, read as the engine and `ota status` read them: never an exception, never a write.</summary>
public sealed class OtaDataTarget : FuzzTarget
{
    public override string Name => "otadata";
    public override string Description => "otadata (both entries, active entry, boot slot) on the v3-35 and v3-30 tables";
    public override Type[] AllowedErrors => [];
    public override int MaxInputLength => OtaDataPartition.MinimumSize;

    public override IReadOnlyList<byte[]> Seeds()
    {
        var seeds = FuzzSeeds.Of(
            FuzzSeeds.Vector("otadata-after-set-ota_0-rollback.bin"), FuzzSeeds.Vector("otadata-after-set-ota_0-then-ota_1-rollback.bin"),
            FuzzSeeds.Vector("otadata-after-set-ota_0-then-ota_1.bin"), FuzzSeeds.Vector("otadata-after-set-ota_0.bin"),
            FuzzSeeds.Vector("otadata-bootloader-initial-ota_0.bin"));
        // What the engine itself writes: each slot, each state.
        foreach (uint state in new[] { OtaState.New, OtaState.PendingVerify, OtaState.Valid, OtaState.Invalid, OtaState.Aborted, OtaState.Undefined })
        {
            for (int slot = 0; slot < 2; slot++)
            {
                var (flash, table) = FuzzFlash.WithTable(FuzzFlash.ModernTable);
                var otadata = new OtaDataPartition(flash, table.OtaData!);
                otadata.SetBootSlot(slot, table.OtaSlotCount, state);
                seeds.Add(FuzzFlash.Read(flash, table.OtaData!.Offset, OtaDataPartition.MinimumSize));
            }
        }
        return seeds;
    }

    public override void Execute(byte[] input)
    {
        if (IntegrityFixup.Applies(input))
            input = IntegrityFixup.OtaDataCrc(input);
        Read(FuzzFlash.ModernTable, input);
        Read(FuzzFlash.FactoryTable, input);
    }

    static void Read(PartitionTable table, byte[] input)
    {
        var (flash, _) = FuzzFlash.WithTable(table);
        PartitionEntry entry = table.OtaData!;
        flash.Write(entry.Offset, input, 0, input.Length);
        var guard = new FlashGuard(flash, entry.Offset, entry.Size);
        var slots = new BootSlots(flash, table);
        OtaDataPartition otadata = slots.OtaData;
        for (int i = 0; i < 2; i++)
        {
            OtaEntry e = otadata.ReadEntry(i);
            _ = e.ToString();
            _ = e.HasValidCrc;
            _ = OtaSelection.IsValid(e);
        }
        otadata.ActiveEntry();
        otadata.BootSlot(table.OtaSlotCount, table.Factory != null);
        PartitionEntry? boot = slots.BootPartition();
        if (boot != null)
            slots.NextUpdatePartition(boot);
        guard.AssertUnchanged("reading otadata");
    }
}

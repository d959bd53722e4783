using OvmsOta.Flash;
using OvmsOta.Image;
using OvmsOta.Partitions;
using OvmsOta.Simulation;

namespace OvmsOta.Simulator.Fuzz.Targets;

/// <summary>An app image already in a slot, read as the engine reads slots (boot checks, `ota status`, the running
/// version): the slot check, the OVMS version marker, the app description. Never an exception, never a write.</summary>
public sealed class ImageSlotTarget : FuzzTarget
{
    const int SlotOffset = 0x10000;
    const int SlotSize = 0x40000;

    public override string Name => "image-slot";
    public override string Description => "app image in ota_0 (SlotImageCheck, OvmsVersionReader marker, AppDescription)";
    public override Type[] AllowedErrors => [];
    public override int MaxInputLength => 0x18000;

    public override IReadOnlyList<byte[]> Seeds() => ImageSeeds.All();

    public override void Execute(byte[] input)
    {
        if (IntegrityFixup.Applies(input))
            input = IntegrityFixup.ImageChecksums(input, SlotSize);
        // A 256 KB slot: an image whose segment 0 claims to run past it makes the marker scan read the whole slot,
        // bounded by the slot size, and OVMS's 4 MB slots would only make that slower to fuzz.
        var flash = new SimulatedFlash(new MemorySectorStore(SlotOffset + SlotSize), 1);
        var slot = new PartitionEntry("ota_0", PartitionTypes.App, PartitionTypes.AppOtaMin, SlotOffset, SlotSize, 0);
        flash.Write(slot.Offset, input, 0, input.Length);
        var guard = new FlashGuard(flash, slot.Offset, input.Length + FlashGeometry.SectorSize);
        var buffer = new byte[FlashGeometry.SectorSize];
        var check = new SlotImageCheck(flash, new ImageValidator(new HostSha256(), new ManagedChecksumFold()), buffer);
        string? problem = check.Check(slot);
        if (check.HasValidImage(slot) != (problem == null))
            throw new FuzzPropertyException("check agrees", "SlotImageCheck.Check and HasValidImage disagree (" + (problem ?? "valid") + ")");
        OvmsVersionReader.Read(flash, slot.Offset, slot.Size, buffer);
        flash.Read(slot.Offset + ImageFormat.AppDescriptionOffset, buffer, 0, ImageFormat.AppDescriptionSize);
        AppDescription app = AppDescription.Parse(buffer, 0);
        _ = app.Version + app.ProjectName + app.IdfVersion + app.Date + app.Time;
        guard.AssertUnchanged("reading a slot's image");
    }
}

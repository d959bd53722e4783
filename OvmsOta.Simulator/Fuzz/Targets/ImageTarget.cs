using OvmsOta.Flash;
using OvmsOta.Image;

namespace OvmsOta.Simulator.Fuzz.Targets;

/// <summary>An app image streamed through the validator as a download or push feeds it: header, segments, app description,
/// checksum and SHA-256, in pieces of varying size.</summary>
public sealed class ImageTarget : FuzzTarget
{
    const int SlotSize = 0x400000;

    public override string Name => "image";
    public override string Description => "ESP32 app image streamed into ImageValidator (header, segments, app description, checksum, SHA-256)";
    public override Type[] AllowedErrors => [typeof(ImageException)];
    public override int MaxInputLength => 0x18000;

    public override IReadOnlyList<byte[]> Seeds() => ImageSeeds.All();

    public override void Execute(byte[] input)
    {
        var validator = new ImageValidator(new HostSha256(), new ManagedChecksumFold());
        // Odd lengths: a partition only just large enough (capacity checks); even: an OVMS 4 MB slot.
        int capacity = input.Length % 2 == 1 ? AlignUp(input.Length) : SlotSize;
        if (IntegrityFixup.Applies(input))
            input = IntegrityFixup.ImageChecksums(input, capacity);
        validator.Begin(capacity);
        int piece = 1 + (int)((uint)(input.Length * 7919) % FlashGeometry.SectorSize);
        for (int at = 0; at < input.Length && !validator.IsComplete; at += piece)
            validator.Feed(input, at, Math.Min(piece, input.Length - at));
        ImageInfo info = validator.Finish();
        _ = info.Header.SegmentCount + info.Segments.Length + info.ImageLength;
        _ = info.AppDescription.Version;
    }

    static int AlignUp(int length) => Math.Max(FlashGeometry.SectorSize, (length + FlashGeometry.SectorSize - 1) / FlashGeometry.SectorSize * FlashGeometry.SectorSize);
}

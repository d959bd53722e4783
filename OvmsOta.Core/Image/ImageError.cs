namespace OvmsOta.Image
{
    /// <summary>
    /// Why an image was rejected: a machine-readable reason with a stable name (enum-like class, so
    /// the name prints the same on the device, where enum ToString gives only the number).
    /// Compare with ==; each reason is one shared instance.
    /// </summary>
    public sealed class ImageError
    {
        public static readonly ImageError BadMagic = new ImageError("bad-magic");
        public static readonly ImageError WrongChip = new ImageError("wrong-chip");
        public static readonly ImageError TooManySegments = new ImageError("too-many-segments");
        public static readonly ImageError BadSegmentLength = new ImageError("bad-segment-length");
        public static readonly ImageError SegmentPastPartition = new ImageError("segment-past-partition");
        public static readonly ImageError ImageTooLarge = new ImageError("image-too-large");
        public static readonly ImageError SegmentMisaligned = new ImageError("segment-misaligned");
        public static readonly ImageError ChecksumMismatch = new ImageError("checksum-mismatch");
        public static readonly ImageError HashMismatch = new ImageError("hash-mismatch");
        public static readonly ImageError Truncated = new ImageError("truncated");
        public static readonly ImageError AppDescriptionMissing = new ImageError("app-desc-missing");
        public static readonly ImageError AppDescriptionBadMagic = new ImageError("app-desc-bad-magic");

        ImageError(string name)
        {
            Name = name;
        }

        /// <summary>Stable identifier, e.g. "checksum-mismatch".</summary>
        public string Name { get; }

        public override string ToString()
        {
            return Name;
        }
    }
}

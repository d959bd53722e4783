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
        /// <summary>A well-formed image for another chip revision than the module's (min/max chip revision).</summary>
        public static readonly ImageError ChipRevision = new ImageError("chip-revision", true);
        /// <summary>A well-formed image that is not the version the update was for (what .ver announced).</summary>
        public static readonly ImageError NotAnnounced = new ImageError("not-announced", true);
        /// <summary>A well-formed image of another project (app description project name) than the running one.</summary>
        public static readonly ImageError WrongProject = new ImageError("wrong-project", true);
        /// <summary>An image whose secure_version is below the module's anti-rollback minimum (Signing/).</summary>
        public static readonly ImageError SecureVersionLower = new ImageError("secure-version-lower", true);
        /// <summary>An older OVMS version than the running one, installed only when forced.</summary>
        public static readonly ImageError VersionLower = new ImageError("version-lower", true);

        ImageError(string name)
            : this(name, false)
        {
        }

        ImageError(string name, bool notForThisUpdate)
        {
            Name = name;
            NotForThisUpdate = notForThisUpdate;
        }

        /// <summary>
        /// The image may be sound but does not fit this module or this update: a writer refuses it without touching
        /// the target when nothing was erased yet (the slot keeps what it held).
        /// </summary>
        public bool NotForThisUpdate { get; }

        /// <summary>Stable identifier, e.g. "checksum-mismatch".</summary>
        public string Name { get; }

        public override string ToString()
        {
            return Name;
        }
    }
}

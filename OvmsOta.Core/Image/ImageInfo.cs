namespace OvmsOta.Image
{
    /// <summary>
    /// Everything read from one complete app image: header, segments, checksum and hash (stored and
    /// calculated) and the app description. Built by ImageValidator once the image has ended.
    /// </summary>
    public sealed class ImageInfo
    {
        public ImageInfo(ImageHeader header, ImageSegment[] segments, AppDescription appDescription,
            byte storedChecksum, byte calculatedChecksum, byte[] storedHash, byte[] calculatedHash)
        {
            Header = header;
            Segments = segments;
            AppDescription = appDescription;
            StoredChecksum = storedChecksum;
            CalculatedChecksum = calculatedChecksum;
            StoredHash = storedHash;
            CalculatedHash = calculatedHash;
            ImageLength = ChecksumOffset + 1 + (header.HashAppended ? ImageFormat.HashSize : 0);
        }

        public ImageHeader Header { get; }
        public ImageSegment[] Segments { get; }
        public AppDescription AppDescription { get; }

        /// <summary>U: the offset just after the last segment's data.</summary>
        public int SegmentsEnd
        {
            get
            {
                if (Segments.Length == 0)
                    return ImageFormat.HeaderSize;
                ImageSegment last = Segments[Segments.Length - 1];
                return last.DataOffset + last.Length;
            }
        }

        /// <summary>P - 1, where P = align16(U + 1).</summary>
        public int ChecksumOffset
        {
            get { return ImageFormat.PaddedEnd(SegmentsEnd) - 1; }
        }

        /// <summary>Bytes the image occupies: P, plus 32 when the SHA-256 is appended. Bytes after it are not part of it.</summary>
        public int ImageLength { get; }

        public byte StoredChecksum { get; }
        public byte CalculatedChecksum { get; }

        public bool ChecksumValid
        {
            get { return StoredChecksum == CalculatedChecksum; }
        }

        /// <summary>The 32 bytes at P, or null when the header says no hash is appended.</summary>
        public byte[] StoredHash { get; }

        /// <summary>SHA-256 of [0, P), or null when no hash is appended.</summary>
        public byte[] CalculatedHash { get; }

        /// <summary>True when the appended hash matches; also true when none is appended (nothing to check).</summary>
        public bool HashValid
        {
            get
            {
                if (StoredHash == null)
                    return true;
                for (int i = 0; i < ImageFormat.HashSize; i++)
                {
                    if (StoredHash[i] != CalculatedHash[i])
                        return false;
                }
                return true;
            }
        }

        public bool IsValid
        {
            get { return ChecksumValid && HashValid; }
        }

        /// <summary>Throws the ImageException for the first failed check (checksum, then hash, ESP-IDF's order).</summary>
        public void ThrowIfInvalid()
        {
            if (!ChecksumValid)
            {
                throw ImageException.Mismatch(ImageError.ChecksumMismatch, ChecksumOffset, "Checksum failed",
                    Hex.Format((uint)CalculatedChecksum) + " (calculated)", Hex.Format((uint)StoredChecksum));
            }
            if (!HashValid)
            {
                throw ImageException.Mismatch(ImageError.HashMismatch, ChecksumOffset + 1, "Image hash failed - image is corrupt",
                    Hex.Digest(CalculatedHash, 0, ImageFormat.HashSize) + " (calculated)", Hex.Digest(StoredHash, 0, ImageFormat.HashSize));
            }
        }
    }
}

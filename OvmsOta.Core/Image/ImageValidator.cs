using System;

using OvmsOta.Flash;
using OvmsOta.Ports;

namespace OvmsOta.Image
{
    /// <summary>
    /// Validates an ESP32 app image as it streams past, in blocks of any size, with fixed state
    /// (a few small arrays allocated once): header, then each segment header and data, then the
    /// padding and checksum byte at P - 1, then the SHA-256 of [0, P) at P. The image's length
    /// comes from the header and segments, as ESP-IDF reads it; bytes fed after it are ignored.
    ///
    /// Use: Begin(capacity), Feed(...) for every block, then Finish() (or Describe() to read an
    /// image whose checksum or hash fails). Structural errors throw from Feed as soon as the field
    /// is read, so a writer can stop early; checksum and hash sit at the image's end and are
    /// reported by Finish. The object can be reused with another Begin.
    /// </summary>
    public sealed class ImageValidator
    {
        // Stages, in stream order.
        const int NotStarted = 0;
        const int ReadingHeader = 1;
        const int ReadingSegmentHeader = 2;
        const int ReadingSegmentData = 3;
        const int ReadingPadding = 4;
        const int ReadingChecksum = 5;
        const int ReadingHash = 6;
        const int Complete = 7;
        const int Rejected = 8;

        const uint PageMask = ImageFormat.MmuPageSize - 1;

        readonly ISha256 _sha;
        readonly IChecksumFold _fold;
        // Staging for fields that may straddle two blocks: header (24), segment header (8), hash (32).
        readonly byte[] _field = new byte[ImageFormat.HashSize];
        readonly byte[] _appDescription = new byte[ImageFormat.AppDescriptionSize];
        readonly byte[] _calculatedHash = new byte[ImageFormat.HashSize];
        readonly ImageSegment[] _segments = new ImageSegment[ImageFormat.MaxSegments];

        int _capacity;
        int _stage;
        int _position;
        int _fieldCount;
        int _itemStart;
        int _remaining;
        int _segmentCount;
        int _imageLength;
        byte _checksum;
        byte _storedChecksum;
        ImageHeader _header;
        IImageGate _gate;
        int _chipRevision = UnknownChipRevision;

        /// <summary>The module's chip revision is not known: images are not checked against it.</summary>
        public const int UnknownChipRevision = -1;

        /// <summary>A validator with the portable SHA-256 and checksum fold.</summary>
        public ImageValidator()
            : this(new ManagedSha256(), new ManagedChecksumFold())
        {
        }

        /// <summary>A validator with the given per-byte work (the device passes its native ones).</summary>
        public ImageValidator(ISha256 sha, IChecksumFold fold)
        {
            if (sha == null)
                throw new ArgumentNullException("sha");
            if (fold == null)
                throw new ArgumentNullException("fold");
            _sha = sha;
            _fold = fold;
        }

        /// <summary>Offset in the image of the next byte Feed expects (stops at the image's end).</summary>
        public int Position
        {
            get { return _position; }
        }

        /// <summary>The image's length once its last segment header was read; -1 before.</summary>
        public int ImageLength
        {
            get { return _imageLength; }
        }

        /// <summary>True once every byte of the image, up to its hash, was fed.</summary>
        public bool IsComplete
        {
            get { return _stage == Complete; }
        }

        /// <summary>
        /// The module's chip revision, major * 100 + minor (v3.0 = 300), or <see cref="UnknownChipRevision"/>. When
        /// known, an image whose header needs a later revision (min_chip_rev or min_chip_rev_full) or only allows an
        /// earlier one (max_chip_rev_full, when set) is refused, as current ESP-IDF bootloaders refuse to boot it.
        /// </summary>
        public int ChipRevision
        {
            get { return _chipRevision; }
            set { _chipRevision = value; }
        }

        /// <summary>Starts a new image that must fit in capacity bytes (the partition size, at most 16 MB).</summary>
        public void Begin(int capacity)
        {
            Begin(capacity, null);
        }

        /// <summary>Starts a new image, as <see cref="Begin(int)"/>; gate (may be null) checks what the image is once its app description is read.</summary>
        public void Begin(int capacity, IImageGate gate)
        {
            if (capacity <= 0 || capacity > ImageFormat.MaxSegmentLength)
                throw new ArgumentOutOfRangeException("capacity", "partition size " + Hex.Format(capacity) + " invalid: expected 1 byte to 16 MB");
            _capacity = capacity;
            _stage = ReadingHeader;
            _position = 0;
            _fieldCount = 0;
            _itemStart = 0;
            _remaining = 0;
            _segmentCount = 0;
            _imageLength = -1;
            _checksum = ImageFormat.ChecksumSeed;
            _storedChecksum = 0;
            _header = null;
            _gate = gate;
            Array.Clear(_appDescription, 0, _appDescription.Length);
            Array.Clear(_segments, 0, _segments.Length);
            _sha.Reset();
        }

        /// <summary>Validates the next count bytes of the image. Throws ImageException on a structural error.</summary>
        public void Feed(byte[] buffer, int offset, int count)
        {
            if (buffer == null)
                throw new ArgumentNullException("buffer");
            if (offset < 0 || count < 0 || offset + count > buffer.Length)
                throw new ArgumentOutOfRangeException("count");
            if (_stage == NotStarted)
                throw new InvalidOperationException("Begin(capacity) must come before Feed");
            if (_stage == Rejected)
                throw new InvalidOperationException("the image was rejected; Begin again for another");
            try
            {
                while (count > 0 && _stage != Complete)
                {
                    int used = Consume(buffer, offset, count);
                    offset += used;
                    count -= used;
                    _position += used;
                }
            }
            catch (ImageException)
            {
                _stage = Rejected;
                throw;
            }
        }

        /// <summary>What the image holds, with checksum and hash results; throws only if the image is incomplete.</summary>
        public ImageInfo Describe()
        {
            if (_stage != Complete)
                throw TruncatedError();
            ImageSegment[] segments = new ImageSegment[_segmentCount];
            Array.Copy(_segments, segments, _segmentCount);
            byte[] storedHash = null;
            byte[] calculatedHash = null;
            if (_header.HashAppended)
            {
                storedHash = new byte[ImageFormat.HashSize];
                calculatedHash = new byte[ImageFormat.HashSize];
                Array.Copy(_field, storedHash, ImageFormat.HashSize);
                Array.Copy(_calculatedHash, calculatedHash, ImageFormat.HashSize);
            }
            return new ImageInfo(_header, segments, AppDescription.Parse(_appDescription, 0),
                _storedChecksum, _checksum, storedHash, calculatedHash);
        }

        /// <summary>The validated image; throws ImageException if it is incomplete or its checksum or hash fails.</summary>
        public ImageInfo Finish()
        {
            ImageInfo info = Describe();
            info.ThrowIfInvalid();
            return info;
        }

        /// <summary>Takes what the current stage needs from the block; returns the bytes used.</summary>
        int Consume(byte[] buffer, int offset, int count)
        {
            int used;
            switch (_stage)
            {
                case ReadingHeader:
                    used = Collect(buffer, offset, count, ImageFormat.HeaderSize);
                    if (_fieldCount == ImageFormat.HeaderSize)
                        OnHeader();
                    return used;
                case ReadingSegmentHeader:
                    used = Collect(buffer, offset, count, ImageFormat.SegmentHeaderSize);
                    if (_fieldCount == ImageFormat.SegmentHeaderSize)
                        OnSegmentHeader();
                    return used;
                case ReadingSegmentData:
                    used = count < _remaining ? count : _remaining;
                    _checksum = _fold.Fold(_checksum, buffer, offset, used);
                    Hash(buffer, offset, used);
                    if (_segmentCount == 1)
                        CaptureAppDescription(buffer, offset, used);
                    _remaining -= used;
                    if (_remaining == 0)
                        StartSegmentOrEnd(_itemStart + _segments[_segmentCount - 1].Length);
                    return used;
                case ReadingPadding:
                    used = count < _remaining ? count : _remaining;
                    Hash(buffer, offset, used);
                    _remaining -= used;
                    if (_remaining == 0)
                        _stage = ReadingChecksum;
                    return used;
                case ReadingChecksum:
                    _storedChecksum = buffer[offset];
                    Hash(buffer, offset, 1);
                    if (_header.HashAppended)
                    {
                        _sha.Final(_calculatedHash, 0);
                        _fieldCount = 0;
                        _stage = ReadingHash;
                    }
                    else
                    {
                        _stage = Complete;
                    }
                    return 1;
                default:
                    used = Collect(buffer, offset, count, ImageFormat.HashSize);
                    if (_fieldCount == ImageFormat.HashSize)
                        _stage = Complete;
                    return used;
            }
        }

        /// <summary>Copies into _field until it holds size bytes; returns the bytes taken.</summary>
        int Collect(byte[] buffer, int offset, int count, int size)
        {
            int take = size - _fieldCount;
            if (take > count)
                take = count;
            Array.Copy(buffer, offset, _field, _fieldCount, take);
            _fieldCount += take;
            return take;
        }

        void OnHeader()
        {
            if (_field[0] != ImageFormat.Magic)
            {
                throw ImageException.Mismatch(ImageError.BadMagic, 0, "Image magic",
                    Hex.Format((uint)ImageFormat.Magic), Hex.Format((uint)_field[0]));
            }
            ImageHeader header = ImageHeader.Parse(_field, 0);
            if (header.ChipId != ImageFormat.ChipIdEsp32)
            {
                throw ImageException.Mismatch(ImageError.WrongChip, ImageFormat.ChipIdOffset, "Mismatch chip ID",
                    "0 (ESP32)", header.ChipId.ToString());
            }
            CheckChipRevision(header);
            if (header.SegmentCount > ImageFormat.MaxSegments)
            {
                throw ImageException.Mismatch(ImageError.TooManySegments, ImageFormat.SegmentCountOffset, "Segment count exceeds max",
                    "at most " + ImageFormat.MaxSegments.ToString(), header.SegmentCount.ToString());
            }
            if (header.SegmentCount == 0)
            {
                throw ImageException.Mismatch(ImageError.AppDescriptionMissing, ImageFormat.SegmentCountOffset, "Segment count",
                    "at least 1 (segment 0 holds the app description)", "0");
            }
            _header = header;
            Hash(_field, 0, ImageFormat.HeaderSize);
            StartSegmentOrEnd(ImageFormat.HeaderSize);
        }

        void OnSegmentHeader()
        {
            int index = _segmentCount;
            uint loadAddress = LittleEndian.ReadUInt32(_field, 0);
            uint length = LittleEndian.ReadUInt32(_field, 4);
            int dataOffset = _itemStart + ImageFormat.SegmentHeaderSize;
            string name = "Segment " + index.ToString();
            if (length % 4 != 0 || length >= ImageFormat.MaxSegmentLength)
            {
                throw ImageException.Mismatch(ImageError.BadSegmentLength, _itemStart + 4, "Invalid segment " + index.ToString() + " length",
                    "a multiple of 4 below " + Hex.Format(ImageFormat.MaxSegmentLength), Hex.Format(length));
            }
            if (dataOffset + (int)length > _capacity)
            {
                throw ImageException.Mismatch(ImageError.SegmentPastPartition, _itemStart + 4, name + " runs past the partition",
                    "an end at most " + Hex.Format(_capacity) + " (the partition size)", Hex.Format(dataOffset + (int)length));
            }
            if (MemoryRegion.IsFlashMapped(loadAddress) && ((uint)dataOffset & PageMask) != (loadAddress & PageMask))
            {
                throw ImageException.Mismatch(ImageError.SegmentMisaligned, _itemStart, name + " load address "
                    + Hex.Format(loadAddress) + " doesn't match data",
                    "a data offset equal to it modulo " + Hex.Format(ImageFormat.MmuPageSize), Hex.Format(dataOffset));
            }
            if (index == 0 && length < ImageFormat.AppDescriptionSize)
            {
                throw ImageException.Mismatch(ImageError.AppDescriptionMissing, _itemStart + 4, name + " is too short for the app description",
                    "at least " + Hex.Format(ImageFormat.AppDescriptionSize) + " bytes", Hex.Format(length));
            }
            Hash(_field, 0, ImageFormat.SegmentHeaderSize);
            _segments[index] = new ImageSegment(index, _itemStart, loadAddress, (int)length);
            _segmentCount = index + 1;
            if (_segmentCount == _header.SegmentCount)
                SetImageLength(dataOffset + (int)length);
            _itemStart = dataOffset;
            _remaining = (int)length;
            _stage = ReadingSegmentData;
            if (length == 0)
                StartSegmentOrEnd(dataOffset);
        }

        /// <summary>After the header or a segment's data ending at offset: the next segment header, or the padding.</summary>
        void StartSegmentOrEnd(int offset)
        {
            _itemStart = offset;
            _fieldCount = 0;
            if (_segmentCount < _header.SegmentCount)
            {
                _stage = ReadingSegmentHeader;
                return;
            }
            _remaining = ImageFormat.PaddedEnd(offset) - 1 - offset;
            _stage = _remaining == 0 ? ReadingChecksum : ReadingPadding;
        }

        /// <summary>Once the last segment header is read the image's length is known: it must fit the partition.</summary>
        void SetImageLength(int segmentsEnd)
        {
            int length = ImageFormat.PaddedEnd(segmentsEnd) + (_header.HashAppended ? ImageFormat.HashSize : 0);
            if (length > _capacity)
            {
                throw ImageException.Mismatch(ImageError.ImageTooLarge, 0, "Image length doesn't fit in partition",
                    "at most " + Hex.Format(_capacity) + " (the partition size)", Hex.Format(length));
            }
            _imageLength = length;
        }

        /// <summary>Keeps the bytes of [0x20, 0x120) that lie in this block of segment 0's data.</summary>
        void CaptureAppDescription(byte[] buffer, int offset, int count)
        {
            const int descStart = ImageFormat.AppDescriptionOffset;
            const int descEnd = descStart + ImageFormat.AppDescriptionSize;
            int start = _position > descStart ? _position : descStart;
            int end = _position + count < descEnd ? _position + count : descEnd;
            if (end <= start)
                return;
            Array.Copy(buffer, offset + start - _position, _appDescription, start - descStart, end - start);
            if (end < descEnd)
                return;
            uint magic = LittleEndian.ReadUInt32(_appDescription, 0);
            if (magic != ImageFormat.AppDescriptionMagic)
            {
                throw ImageException.Mismatch(ImageError.AppDescriptionBadMagic, descStart, "App description magic",
                    Hex.Format(ImageFormat.AppDescriptionMagic), Hex.Format(magic));
            }
            if (_gate != null)
                _gate.Check(_header, AppDescription.Parse(_appDescription, 0));
        }

        /// <summary>
        /// ESP-IDF's bootloader_common_check_chip_validity: the revision must reach the legacy min_chip_rev byte (a
        /// major revision; all the IDF 3.3 bootloader looks at) and min_chip_rev_full, and stay at or below a set
        /// max_chip_rev_full (0 and 0xFFFF mean not set). Its words: "chip revision check failed. Required >= vX.Y, found vX.Y".
        /// </summary>
        void CheckChipRevision(ImageHeader header)
        {
            if (_chipRevision < 0)
                return;
            int minimum = header.MinChipRev * 100;
            int offset = ImageFormat.MinChipRevOffset;
            if (header.MinChipRevFull > minimum)
            {
                minimum = header.MinChipRevFull;
                offset = ImageFormat.MinChipRevFullOffset;
            }
            if (_chipRevision < minimum)
                throw ChipRevisionError(offset, ">= " + RevisionText(minimum));
            int maximum = header.MaxChipRevFull;
            if (maximum != 0 && maximum != 0xFFFF && _chipRevision > maximum)
                throw ChipRevisionError(ImageFormat.MaxChipRevFullOffset, "<= " + RevisionText(maximum));
        }

        ImageException ChipRevisionError(int offset, string required)
        {
            return new ImageException(ImageError.ChipRevision, offset, "chip revision check failed. Required " + required
                + ", found " + RevisionText(_chipRevision) + " (the image's header at offset " + Hex.Format(offset) + ")");
        }

        /// <summary>"v3.1" for 301, as ESP-IDF prints revisions.</summary>
        public static string RevisionText(int full)
        {
            return "v" + (full / 100).ToString() + "." + (full % 100).ToString();
        }

        /// <summary>ESP-IDF hashes only images that carry a hash.</summary>
        void Hash(byte[] buffer, int offset, int count)
        {
            if (_header.HashAppended)
                _sha.Update(buffer, offset, count);
        }

        ImageException TruncatedError()
        {
            if (_stage == NotStarted)
                throw new InvalidOperationException("Begin(capacity) must come before Finish");
            if (_stage == Rejected)
                throw new InvalidOperationException("the image was rejected; there is nothing to describe");
            string expected = _imageLength > 0 ? Hex.Format(_imageLength) + " bytes" : "more bytes";
            return new ImageException(ImageError.Truncated, _position,
                "Image truncated: expected " + expected + ", found the end of the stream at offset "
                + Hex.Format(_position) + ", in " + StageName());
        }

        string StageName()
        {
            string segment = "segment " + _segmentCount.ToString();
            switch (_stage)
            {
                case ReadingHeader: return "the image header";
                case ReadingSegmentHeader: return segment + " header";
                case ReadingSegmentData: return "segment " + (_segmentCount - 1).ToString() + " data";
                case ReadingPadding: return "the padding";
                case ReadingChecksum: return "the checksum";
                default: return "the SHA-256";
            }
        }
    }
}

using System;
using System.IO;

using OvmsOta.Flash;
using OvmsOta.Image;
using OvmsOta.Ports;

namespace OvmsOta.Simulation
{
    /// <summary>
    /// Makes a valid ESP32 app image for tests, the demo server and benchmarks, laid out as esptool
    /// lays out an ESP-IDF app: segment 0 = DROM at 0x3F400020 holding esp_app_desc_t and the OVMS
    /// version marker, then DRAM and IRAM, and, for images above about 64 KB, a padding segment
    /// (load address 0) that puts the IROM segment at a file offset equal to its address modulo
    /// 64 KB. Segment contents are deterministic pseudo-random bytes, so the same inputs always give
    /// the same image. The image streams out in 4 KB pieces, or goes into one array sized up front: no
    /// buffer grows with its size (nanoFramework's MemoryStream cannot grow past 65,535 bytes).
    /// </summary>
    public sealed class ImageBuilder
    {
        public const uint DromAddress = 0x3F400020;
        public const uint DramAddress = 0x3FFB0000;
        public const uint IramAddress = 0x40080400;
        /// <summary>The IROM segment's address: the start of the IROM window plus the 0x20 its file offset keeps.</summary>
        public const uint IromAddress = MemoryRegion.IromStart + 0x20;
        const int DramLength = 16;
        const int IramLength = 16;
        const int RodataLength = 40;
        const int MaxIromLength = (int)(MemoryRegion.IromEnd - IromAddress);
        const int MaxDromLength = (int)(MemoryRegion.DromEnd - DromAddress);
        const int ChunkSize = 4096;

        public ImageBuilder(string version)
        {
            Version = version;
            ProjectName = "ovms3";
            IdfVersion = "v3.3.4";
            Date = "Jan  1 2025";
            Time = "12:00:00";
            OvmsMarker = true;
            MaxChipRevisionFull = 399; // ESP-IDF's ESP32 default, v3.99
        }

        /// <summary>esp_app_desc_t version and the OVMS_VERSION in the marker (at most 31 characters).</summary>
        public string Version { get; set; }
        public string ProjectName { get; set; }
        public string IdfVersion { get; set; }
        /// <summary>Build date as __DATE__ prints it, "Jan  1 2025".</summary>
        public string Date { get; set; }
        /// <summary>Build time as __TIME__ prints it, "12:00:00".</summary>
        public string Time { get; set; }
        public uint SecureVersion { get; set; }
        /// <summary>Whether segment 0 carries ########OVMS_PRE######## version ########OVMSPOST######## (OVMS builds do).</summary>
        public bool OvmsMarker { get; set; }
        /// <summary>Approximate image length wanted (the result is within 64 bytes of it); 0 or anything smaller than the minimal image gives the minimal image.</summary>
        public int Size { get; set; }
        /// <summary>Header byte 14, the legacy min_chip_rev (a major revision); 0 by default.</summary>
        public byte LegacyMinChipRevision { get; set; }
        /// <summary>Header min_chip_rev_full, major * 100 + minor; 0 by default.</summary>
        public ushort MinChipRevisionFull { get; set; }
        /// <summary>Header max_chip_rev_full, major * 100 + minor; 399 (ESP-IDF's ESP32 default), 0 or 0xFFFF = not set.</summary>
        public ushort MaxChipRevisionFull { get; set; }

        /// <summary>Writes the image to output and returns its length.</summary>
        public int Write(Stream output)
        {
            if (output == null)
                throw new ArgumentNullException("output");
            byte[] segment0Head = Segment0Head();
            return Emit(new Emitter(output, null), segment0Head, Layout(segment0Head.Length));
        }

        /// <summary>The image as one array of its exact length; for test images (a device never holds a whole image).</summary>
        public byte[] Build()
        {
            byte[] segment0Head = Segment0Head();
            int[] lengths = Layout(segment0Head.Length);
            byte[] image = new byte[ImageLength(lengths)];
            Emit(new Emitter(null, image), segment0Head, lengths);
            return image;
        }

        /// <summary>Header, segments, checksum and hash into emitter; returns the image length.</summary>
        int Emit(Emitter emitter, byte[] segment0Head, int[] lengths)
        {
            uint[] addresses = lengths.Length == 3
                ? new uint[] { DromAddress, DramAddress, IramAddress }
                : new uint[] { DromAddress, DramAddress, IramAddress, 0, IromAddress };
            emitter.Emit(Header(lengths.Length), 0, ImageFormat.HeaderSize, false);
            for (int i = 0; i < lengths.Length; i++)
            {
                byte[] segmentHeader = new byte[ImageFormat.SegmentHeaderSize];
                LittleEndian.WriteUInt32(segmentHeader, 0, addresses[i]);
                LittleEndian.WriteUInt32(segmentHeader, 4, (uint)lengths[i]);
                emitter.Emit(segmentHeader, 0, segmentHeader.Length, false);
                WriteSegmentData(emitter, i == 0 ? segment0Head : null, lengths[i], addresses[i]);
            }
            emitter.Finish();
            return emitter.Position;
        }

        /// <summary>Segment lengths: DROM, DRAM, IRAM, and for larger images padding and IROM.</summary>
        int[] Layout(int segment0HeadLength)
        {
            int drom = Align4(segment0HeadLength + RodataLength);
            int minimal = LengthAfterSegments(ImageFormat.HeaderSize + 3 * ImageFormat.SegmentHeaderSize + drom + DramLength + IramLength);
            // Below one MMU page plus a little, grow the DROM segment; above, add padding and IROM as esptool does.
            if (Size < ImageFormat.MmuPageSize + 0x100)
            {
                if (Size > minimal)
                    drom += (Size - minimal) & ~3;
                return new int[] { drom, DramLength, IramLength };
            }
            int irom = 0;
            int iromData = 0;
            for (int attempt = 0; attempt < 3; attempt++)
            {
                int padHeaderAt = ImageFormat.HeaderSize + 3 * ImageFormat.SegmentHeaderSize + drom + DramLength + IramLength;
                iromData = IromDataOffset(padHeaderAt);
                irom = (Size - LengthAfterSegments(iromData)) & ~3;
                if (irom <= MaxIromLength)
                    break;
                drom += Align4(irom - MaxIromLength);
            }
            if (drom > MaxDromLength || irom > MaxIromLength || irom < 0)
                throw new ArgumentOutOfRangeException("Size", "an image of " + Size.ToString() + " bytes does not fit the DROM and IROM windows");
            int padding = iromData - ImageFormat.SegmentHeaderSize - (ImageFormat.HeaderSize + 4 * ImageFormat.SegmentHeaderSize + drom + DramLength + IramLength);
            return new int[] { drom, DramLength, IramLength, padding, irom };
        }

        /// <summary>The first offset after a padding segment header at padHeaderAt (and the IROM header) that equals IromAddress modulo 64 KB.</summary>
        static int IromDataOffset(int padHeaderAt)
        {
            int earliest = padHeaderAt + 2 * ImageFormat.SegmentHeaderSize;
            int pageOffset = (int)(IromAddress & (ImageFormat.MmuPageSize - 1));
            int offset = (earliest & ~(ImageFormat.MmuPageSize - 1)) + pageOffset;
            return offset < earliest ? offset + ImageFormat.MmuPageSize : offset;
        }

        /// <summary>The length of the image with these segment lengths: header, segments, padding, checksum, hash.</summary>
        static int ImageLength(int[] lengths)
        {
            int segmentsEnd = ImageFormat.HeaderSize;
            for (int i = 0; i < lengths.Length; i++)
                segmentsEnd += ImageFormat.SegmentHeaderSize + lengths[i];
            return LengthAfterSegments(segmentsEnd);
        }

        /// <summary>Image length when the last segment's data ends at segmentsEnd.</summary>
        static int LengthAfterSegments(int segmentsEnd)
        {
            return ImageFormat.PaddedEnd(segmentsEnd) + ImageFormat.HashSize;
        }

        byte[] Header(int segmentCount)
        {
            byte[] header = new byte[ImageFormat.HeaderSize];
            header[0] = ImageFormat.Magic;
            header[ImageFormat.SegmentCountOffset] = (byte)segmentCount;
            header[ImageFormat.SpiModeOffset] = 2; // DIO
            header[ImageFormat.SpiSpeedSizeOffset] = 0x40; // 16 MB, 40 MHz
            LittleEndian.WriteUInt32(header, ImageFormat.EntryOffset, IramAddress);
            header[ImageFormat.WpPinOffset] = 0xEE; // disabled, esptool's default
            header[ImageFormat.MinChipRevOffset] = LegacyMinChipRevision;
            LittleEndian.WriteUInt16(header, ImageFormat.MinChipRevFullOffset, MinChipRevisionFull);
            LittleEndian.WriteUInt16(header, ImageFormat.MaxChipRevFullOffset, MaxChipRevisionFull);
            header[ImageFormat.HashAppendedOffset] = 1;
            return header;
        }

        /// <summary>esp_app_desc_t followed by the OVMS version marker: the fixed start of segment 0.</summary>
        byte[] Segment0Head()
        {
            string marker = OvmsMarker ? OvmsVersionReader.Prefix + Version + OvmsVersionReader.Suffix : "";
            byte[] head = new byte[ImageFormat.AppDescriptionSize + marker.Length + 1];
            LittleEndian.WriteUInt32(head, AppDescription.MagicOffset, ImageFormat.AppDescriptionMagic);
            LittleEndian.WriteUInt32(head, AppDescription.SecureVersionOffset, SecureVersion);
            FixedText.Write(head, AppDescription.VersionOffset, AppDescription.VersionSize, Version);
            FixedText.Write(head, AppDescription.ProjectNameOffset, AppDescription.ProjectNameSize, ProjectName);
            FixedText.Write(head, AppDescription.TimeOffset, AppDescription.TimeSize, Time);
            FixedText.Write(head, AppDescription.DateOffset, AppDescription.DateSize, Date);
            FixedText.Write(head, AppDescription.IdfVersionOffset, AppDescription.IdfVersionSize, IdfVersion);
            // app_elf_sha256 stays zero: there is no ELF behind this image.
            head[AppDescription.MmuPageSizeOffset] = 16; // log2(64 KB)
            head[AppDescription.SpiFlashModeOffset] = 3; // DIO in esp_app_desc_t's numbering
            if (marker.Length > 0)
                FixedText.Write(head, ImageFormat.AppDescriptionSize, marker.Length + 1, marker);
            return head;
        }

        /// <summary>head (if any), then deterministic filler seeded by the load address; padding segments are zeros.</summary>
        static void WriteSegmentData(Emitter emitter, byte[] head, int length, uint address)
        {
            int written = 0;
            if (head != null)
            {
                emitter.Emit(head, 0, head.Length, true);
                written = head.Length;
            }
            byte[] chunk = emitter.Chunk;
            uint state = address;
            while (written < length)
            {
                int count = length - written < ChunkSize ? length - written : ChunkSize;
                if (address == 0)
                    Array.Clear(chunk, 0, count);
                else
                    state = Fill(chunk, count, state);
                emitter.Emit(chunk, 0, count, true);
                written += count;
            }
        }

        /// <summary>xorshift32 bytes: reproducible, and not all zeros, so checksum and hash tests mean something.</summary>
        static uint Fill(byte[] chunk, int count, uint state)
        {
            for (int i = 0; i < count; i++)
            {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                chunk[i] = (byte)state;
            }
            return state;
        }

        static int Align4(int value)
        {
            return (value + 3) & ~3;
        }

        /// <summary>
        /// Writes bytes out, to a stream or into an array sized for the whole image, while keeping the checksum
        /// (segment data only) and the hash (everything).
        /// </summary>
        sealed class Emitter
        {
            readonly Stream _output;
            readonly byte[] _image;
            readonly ISha256 _sha = new ManagedSha256();
            readonly IChecksumFold _fold = new ManagedChecksumFold();
            byte _checksum = ImageFormat.ChecksumSeed;

            /// <summary>Exactly one of output and image.</summary>
            public Emitter(Stream output, byte[] image)
            {
                _output = output;
                _image = image;
            }

            public readonly byte[] Chunk = new byte[ChunkSize];
            public int Position;

            public void Emit(byte[] buffer, int offset, int count, bool segmentData)
            {
                if (segmentData)
                    _checksum = _fold.Fold(_checksum, buffer, offset, count);
                _sha.Update(buffer, offset, count);
                Put(buffer, offset, count);
            }

            /// <summary>Zero padding, the checksum byte at P - 1, then the SHA-256 of [0, P).</summary>
            public void Finish()
            {
                int padding = ImageFormat.PaddedEnd(Position) - 1 - Position;
                Array.Clear(Chunk, 0, padding);
                Chunk[padding] = _checksum;
                Emit(Chunk, 0, padding + 1, false);
                _sha.Final(Chunk, 0);
                Put(Chunk, 0, ImageFormat.HashSize);
            }

            void Put(byte[] buffer, int offset, int count)
            {
                if (_image != null)
                    Array.Copy(buffer, offset, _image, Position, count);
                else
                    _output.Write(buffer, offset, count);
                Position += count;
            }
        }
    }
}

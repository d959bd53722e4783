using System;
using OvmsOta.Flash;
using OvmsOta.Ports;

namespace OvmsOta.Image
{
    /// <summary>
    /// The OVMS version of the image in a partition, as `ota status` shows it per slot: OVMS embeds
    /// ########OVMS_PRE########&lt;OVMS_VERSION&gt;########OVMSPOST######## in its first segment, and
    /// reads it back from there when the image magic is 0xE9. Falls back to the app description's
    /// version for images without the marker.
    /// </summary>
    public static class OvmsVersionReader
    {
        public const string Prefix = "########OVMS_PRE########";
        public const string Suffix = "########OVMSPOST########";
        /// <summary>Longest version accepted between the markers (git describe output is about 30).</summary>
        public const int MaxVersionLength = 64;
        /// <summary>The buffer must hold the app description (256 bytes) and a marker window.</summary>
        public const int MinBufferSize = ImageFormat.AppDescriptionSize;

        // The scan looks for the distinctive middle of the prefix with Boyer-Moore-Horspool, which
        // looks at about one byte in eight: segment 0 can be megabytes and IL is interpreted.
        const string Key = "OVMS_PRE";
        const int KeyInPrefix = 8;
        static readonly byte[] KeyBytes = Ascii(Key);
        static readonly byte[] PrefixBytes = Ascii(Prefix);
        static readonly byte[] SuffixBytes = Ascii(Suffix);
        static readonly int[] Skip = SkipTable(KeyBytes);

        /// <summary>The version of the image at partitionOffset, or null when there is no image (magic not 0xE9)
        /// and neither a marker nor an app description.</summary>
        public static string Read(IFlash flash, int partitionOffset, int partitionSize, byte[] buffer)
        {
            if (flash == null)
                throw new ArgumentNullException("flash");
            if (buffer == null || buffer.Length < MinBufferSize)
                throw new ArgumentException("the buffer must hold at least " + MinBufferSize.ToString() + " bytes", "buffer");
            if (partitionSize < ImageFormat.AppDescriptionOffset + ImageFormat.AppDescriptionSize)
                return null;
            flash.Read(partitionOffset, buffer, 0, ImageFormat.AppDescriptionOffset);
            if (buffer[0] != ImageFormat.Magic || buffer[ImageFormat.SegmentCountOffset] == 0)
                return null;
            int segmentLength = (int)LittleEndian.ReadUInt32(buffer, ImageFormat.HeaderSize + 4);
            int start = ImageFormat.AppDescriptionOffset;
            int end = segmentLength < 0 || segmentLength > partitionSize - start ? partitionSize : start + segmentLength;
            string version = FindMarker(flash, partitionOffset, start, end, buffer);
            return version != null ? version : AppDescriptionVersion(flash, partitionOffset, buffer);
        }

        /// <summary>Scans partition bytes [start, end) for the marker; returns the version in it or null.</summary>
        static string FindMarker(IFlash flash, int partitionOffset, int start, int end, byte[] buffer)
        {
            int position = start;
            while (end - position >= Key.Length)
            {
                int count = end - position < buffer.Length ? end - position : buffer.Length;
                flash.Read(partitionOffset + position, buffer, 0, count);
                int found = IndexOfKey(buffer, count);
                if (found < 0)
                {
                    // Keep the last Key.Length - 1 bytes: the key may straddle two reads.
                    position += count - (Key.Length - 1);
                    continue;
                }
                int keyAt = position + found;
                string version = VersionAt(flash, partitionOffset, keyAt - KeyInPrefix, start, end, buffer);
                if (version != null)
                    return version;
                position = keyAt + 1;
            }
            return null;
        }

        /// <summary>The version if a whole PRE...POST marker starts at markerAt inside [start, end), else null.</summary>
        static string VersionAt(IFlash flash, int partitionOffset, int markerAt, int start, int end, byte[] buffer)
        {
            int versionAt = markerAt + Prefix.Length;
            int window = Prefix.Length + MaxVersionLength + Suffix.Length;
            if (window > end - markerAt)
                window = end - markerAt;
            if (markerAt < start || window < Prefix.Length + Suffix.Length)
                return null;
            flash.Read(partitionOffset + markerAt, buffer, 0, window);
            if (!Matches(buffer, 0, PrefixBytes))
                return null;
            for (int length = 0; Prefix.Length + length + Suffix.Length <= window; length++)
            {
                if (Matches(buffer, Prefix.Length + length, SuffixBytes))
                    return FixedText.Read(buffer, Prefix.Length, length);
            }
            return null;
        }

        static string AppDescriptionVersion(IFlash flash, int partitionOffset, byte[] buffer)
        {
            flash.Read(partitionOffset + ImageFormat.AppDescriptionOffset, buffer, 0, ImageFormat.AppDescriptionSize);
            if (LittleEndian.ReadUInt32(buffer, 0) != ImageFormat.AppDescriptionMagic)
                return null;
            return FixedText.Read(buffer, AppDescription.VersionOffset, AppDescription.VersionSize);
        }

        /// <summary>Boyer-Moore-Horspool search for the key in buffer[0, count).</summary>
        static int IndexOfKey(byte[] buffer, int count)
        {
            int last = KeyBytes.Length - 1;
            byte lastKeyByte = KeyBytes[last];
            for (int i = 0; i + last < count; i += Skip[buffer[i + last]])
            {
                if (buffer[i + last] == lastKeyByte && Matches(buffer, i, KeyBytes))
                    return i;
            }
            return -1;
        }

        static bool Matches(byte[] buffer, int offset, byte[] pattern)
        {
            for (int i = 0; i < pattern.Length; i++)
            {
                if (buffer[offset + i] != pattern[i])
                    return false;
            }
            return true;
        }

        static int[] SkipTable(byte[] key)
        {
            int[] skip = new int[256];
            for (int b = 0; b < 256; b++)
                skip[b] = key.Length;
            for (int i = 0; i < key.Length - 1; i++)
                skip[key[i]] = key.Length - 1 - i;
            return skip;
        }

        static byte[] Ascii(string text)
        {
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
                bytes[i] = (byte)text[i];
            return bytes;
        }
    }
}

using System;

namespace OvmsOta.Image
{
    /// <summary>An app image failed validation: why (Reason), where (Offset in the image), and a message
    /// that names the expected and the found value.</summary>
    public class ImageException : Exception
    {
        public ImageException(ImageError reason, int offset, string message)
            : base(message)
        {
            Reason = reason;
            Offset = offset;
        }

        /// <summary>The exception for a field that does not hold what it must, worded
        /// "{what}: expected {expected}, found {found} at offset 0x{offset}".</summary>
        public static ImageException Mismatch(ImageError reason, int offset, string what, string expected, string found)
        {
            return new ImageException(reason, offset,
                what + ": expected " + expected + ", found " + found + " at offset " + Hex.Format(offset));
        }

        public ImageError Reason { get; }

        /// <summary>Offset in the image of the byte or field that failed.</summary>
        public int Offset { get; }
    }
}

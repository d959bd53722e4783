using System;
using OvmsOta.Ports;

namespace OvmsOta.Image
{
    /// <summary>
    /// Validates the app image stored in a partition, reading it through one caller-supplied buffer
    /// (4 KB is plenty) and only as far as the image's own length.
    /// </summary>
    public static class SlotImage
    {
        /// <summary>Reads and validates the image; throws ImageException if it is invalid.</summary>
        public static ImageInfo Verify(IFlash flash, int partitionOffset, int partitionSize, byte[] buffer, ImageValidator validator)
        {
            ImageInfo info = Describe(flash, partitionOffset, partitionSize, buffer, validator);
            info.ThrowIfInvalid();
            return info;
        }

        /// <summary>Verify with the portable digests.</summary>
        public static ImageInfo Verify(IFlash flash, int partitionOffset, int partitionSize, byte[] buffer)
        {
            return Verify(flash, partitionOffset, partitionSize, buffer, new ImageValidator());
        }

        /// <summary>Reads the image and returns what it holds, with checksum and hash results rather than
        /// errors for those two; throws ImageException for anything structural or a truncated image.</summary>
        public static ImageInfo Describe(IFlash flash, int partitionOffset, int partitionSize, byte[] buffer, ImageValidator validator)
        {
            if (flash == null)
                throw new ArgumentNullException("flash");
            if (buffer == null || buffer.Length == 0)
                throw new ArgumentException("a read buffer is needed", "buffer");
            if (validator == null)
                throw new ArgumentNullException("validator");
            if (partitionOffset < 0 || partitionSize <= 0 || partitionOffset > flash.Size - partitionSize)
            {
                throw new ArgumentOutOfRangeException("partitionSize", "partition " + Hex.Format(partitionOffset) + " + "
                    + Hex.Format(partitionSize) + " does not fit in flash of " + Hex.Format(flash.Size));
            }
            validator.Begin(partitionSize);
            int position = 0;
            while (!validator.IsComplete && position < partitionSize)
            {
                int end = validator.ImageLength > 0 ? validator.ImageLength : partitionSize;
                int count = end - position < buffer.Length ? end - position : buffer.Length;
                flash.Read(partitionOffset + position, buffer, 0, count);
                validator.Feed(buffer, 0, count);
                position += count;
            }
            return validator.Describe();
        }
    }
}

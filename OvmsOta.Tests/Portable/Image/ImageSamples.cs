#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using OvmsOta.Flash;
using OvmsOta.Image;
using OvmsOta.Simulation;


namespace OvmsOta.Tests.Portable.Image
{
    /// <summary>Images made in code for the image tests, and one driver that streams an image through the validator.</summary>
    internal static class ImageSamples
    {
        public const string Version = "3.3.005-925-g3e67d4e6d";
        /// <summary>Partition size the tests validate against (an OVMS slot is 7 MB; this keeps nanoCLR small).</summary>
        public const int Capacity = 0x40000;
        /// <summary>Large enough for esptool's layout: DROM, DRAM, IRAM, padding, IROM at 0x10020.</summary>
        public const int MappedSize = 0x11000;

        static byte[] _small;
        static byte[] _mapped;

        /// <summary>The smallest builder image: DROM, DRAM, IRAM only.</summary>
        public static byte[] Small()
        {
            if (_small == null)
                _small = new ImageBuilder(Version).Build();
            return Copy(_small);
        }

        /// <summary>A builder image with a padding segment and a flash-mapped IROM segment.</summary>
        public static byte[] Mapped()
        {
            if (_mapped == null)
            {
                ImageBuilder builder = new ImageBuilder(Version);
                builder.Size = MappedSize;
                _mapped = builder.Build();
            }
            return Copy(_mapped);
        }

        public static byte[] Copy(byte[] image)
        {
            byte[] copy = new byte[image.Length];
            Array.Copy(image, copy, image.Length);
            return copy;
        }

        /// <summary>The image's bytes with a tail appended, as a slot holds them (old data or 0xFF after the image).</summary>
        public static byte[] WithTail(byte[] image, int tailLength, byte fill)
        {
            byte[] slot = new byte[image.Length + tailLength];
            Array.Copy(image, slot, image.Length);
            for (int i = image.Length; i < slot.Length; i++)
                slot[i] = fill;
            return slot;
        }

        /// <summary>Streams length bytes of image in blocks of blockSize and returns what the validator makes of it (Describe).</summary>
        public static ImageInfo Describe(byte[] image, int length, int capacity, int blockSize)
        {
            ImageValidator validator = new ImageValidator();
            validator.Begin(capacity);
            for (int offset = 0; offset < length; offset += blockSize)
                validator.Feed(image, offset, length - offset < blockSize ? length - offset : blockSize);
            return validator.Describe();
        }

        public static ImageInfo Verify(byte[] image, int capacity, int blockSize)
        {
            ImageInfo info = Describe(image, image.Length, capacity, blockSize);
            info.ThrowIfInvalid();
            return info;
        }

        /// <summary>Asserts that streaming the image (in 4 KB blocks) fails with reason at offset, with a message holding each part.</summary>
        public static ImageException ExpectError(byte[] image, int length, int capacity, ImageError reason, int offset, string messagePart)
        {
            ImageException e = (ImageException)Expect.Throws(typeof(ImageException), () => Verify(Cut(image, length), capacity, 4096));
            Assert.IsTrue(e.Reason == reason, "expected reason " + reason.Name + ", got " + e.Reason.Name + ": " + e.Message);
            Assert.AreEqual(offset, e.Offset, e.Message);
            Expect.Contains(messagePart, e.Message);
            return e;
        }

        public static byte[] Cut(byte[] image, int length)
        {
            byte[] cut = new byte[length];
            Array.Copy(image, cut, length);
            return cut;
        }

        /// <summary>The segment table of a valid image, to find offsets to corrupt without hard-coding them.</summary>
        public static ImageInfo Layout(byte[] image)
        {
            return Verify(image, Capacity, image.Length);
        }

        public static void WriteUInt32(byte[] image, int offset, uint value)
        {
            LittleEndian.WriteUInt32(image, offset, value);
        }
    }
}

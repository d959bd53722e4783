using OvmsOta.Image;
using OvmsOta.Ports;

namespace OvmsOta.Tests.Portable.Update
{
    /// <summary>
    /// Digests that cost nothing, for timing the managed update path alone (on the device the digests are native, so
    /// the managed engine never hashes): the SHA-256 always ends in <see cref="Digest"/>, the fold leaves the checksum
    /// at its seed. <see cref="Sign"/> makes an image that validates under them.
    /// </summary>
    public sealed class StubDigests : ISha256, IChecksumFold
    {
        public static readonly byte[] Digest = new byte[ImageFormat.HashSize];

        public void Reset() { }

        public void Update(byte[] buffer, int offset, int count) { }

        public void Final(byte[] output, int offset)
        {
            System.Array.Copy(Digest, 0, output, offset, Digest.Length);
        }

        public byte Fold(byte checksum, byte[] buffer, int offset, int count)
        {
            return checksum;
        }

        /// <summary>Rewrites a builder image's checksum byte and appended SHA-256 to what the stubs compute.</summary>
        public static void Sign(byte[] image)
        {
            ImageValidator real = new ImageValidator();
            real.Begin(image.Length);
            real.Feed(image, 0, image.Length);
            int hashAt = real.Finish().ImageLength - ImageFormat.HashSize;
            image[hashAt - 1] = ImageFormat.ChecksumSeed;
            System.Array.Copy(Digest, 0, image, hashAt, Digest.Length);
        }
    }
}

using System;
using OvmsOta.Flash;
using OvmsOta.Image;
using OvmsOta.Signing;

namespace OvmsOta.Tests.Portable.Signing
{
    /// <summary>Signed files as espsecure lays them out (image, 0xFF to 4096, a 4096-byte sector of blocks), and ways to damage one.</summary>
    public static class SignedImages
    {
        /// <summary>image padded to 4096 with a sector holding one block per signer, in order.</summary>
        public static byte[] Sign(byte[] image, IBlockSigner[] signers)
        {
            int sector = SignatureFormat.SectorOffset(image.Length);
            var signed = new byte[sector + SignatureFormat.SectorSize];
            for (int i = 0; i < signed.Length; i++)
                signed[i] = 0xFF;
            Array.Copy(image, signed, image.Length);
            byte[] digest = Digest(signed, sector);
            for (int i = 0; i < signers.Length; i++)
                SignatureBlock.Compose(signed, sector + i * SignatureFormat.BlockSize, digest, signers[i].KeyFields, signers[i].Sign(digest));
            return signed;
        }

        public static byte[] Sign(byte[] image, IBlockSigner signer)
        {
            return Sign(image, new IBlockSigner[] { signer });
        }

        public static byte[] Digest(byte[] bytes, int count)
        {
            var sha = new ManagedSha256();
            sha.Update(bytes, 0, count);
            var digest = new byte[SignatureFormat.DigestSize];
            sha.Final(digest, 0);
            return digest;
        }

        /// <summary>The key digest of a signer, as config lists it.</summary>
        public static byte[] KeyDigest(IBlockSigner signer)
        {
            var block = new byte[SignatureFormat.BlockSize];
            Array.Copy(signer.KeyFields, 0, block, SignatureFormat.KeyOffset, SignatureFormat.KeyLength);
            return SignatureBlock.KeyDigestOf(block, 0, new ManagedSha256());
        }

        public static string KeyHex(IBlockSigner signer)
        {
            return Hex.Digest(KeyDigest(signer), 0, SignatureFormat.DigestSize);
        }

        /// <summary>Flips bits of block 0's byte at blockOffset; with fixCrc the CRC is made to match again.</summary>
        public static void Damage(byte[] signed, int imageLength, int blockOffset, bool fixCrc)
        {
            int block = SignatureFormat.SectorOffset(imageLength);
            signed[block + blockOffset] ^= 0x5A;
            if (fixCrc)
                LittleEndian.WriteUInt32(signed, block + SignatureFormat.CrcOffset, Crc32.Compute(signed, block, SignatureFormat.CrcOffset));
        }
    }
}

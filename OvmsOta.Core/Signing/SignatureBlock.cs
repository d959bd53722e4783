using OvmsOta.Flash;
using OvmsOta.Ports;

namespace OvmsOta.Signing
{
    /// <summary>
    /// What one 1216-byte slot of a signature sector holds: whether it is a block at all (magic), its version, whether
    /// its CRC matches, the image digest it signs and the digest of its stored key (SHA-256 of bytes 36-811, the value
    /// eFuse holds). Reading a block checks nothing cryptographic; <see cref="ISignatureVerifier"/> does that.
    /// </summary>
    public sealed class SignatureBlock
    {
        private readonly int _index;
        private readonly byte _magic;
        private readonly byte _version;
        private readonly uint _storedCrc;
        private readonly uint _calculatedCrc;
        private readonly byte[] _imageDigest;
        private readonly byte[] _keyDigest;
        private readonly uint _exponent;

        private SignatureBlock(int index, byte[] data, int offset, ISha256 sha)
        {
            _index = index;
            _magic = data[offset + SignatureFormat.MagicOffset];
            _version = data[offset + SignatureFormat.VersionOffset];
            _storedCrc = LittleEndian.ReadUInt32(data, offset + SignatureFormat.CrcOffset);
            _calculatedCrc = Crc32.Compute(data, offset, SignatureFormat.CrcOffset);
            _exponent = LittleEndian.ReadUInt32(data, offset + SignatureFormat.ExponentOffset);
            _imageDigest = new byte[SignatureFormat.DigestSize];
            System.Array.Copy(data, offset + SignatureFormat.ImageDigestOffset, _imageDigest, 0, SignatureFormat.DigestSize);
            _keyDigest = KeyDigestOf(data, offset, sha);
        }

        /// <summary>Block index (0 to 2) in the sector.</summary>
        public int Index { get { return _index; } }

        /// <summary>The slot starts with 0xE7: something was written there (an empty slot is 0xFF).</summary>
        public bool HasMagic { get { return _magic == SignatureFormat.Magic; } }

        public byte Version { get { return _version; } }

        /// <summary>Magic, RSA version and CRC good: a block espsecure and ESP-IDF would look at.</summary>
        public bool IsWellFormed { get { return HasMagic && _version == SignatureFormat.VersionRsa && CrcValid; } }

        public bool CrcValid { get { return _storedCrc == _calculatedCrc; } }
        public uint StoredCrc { get { return _storedCrc; } }
        public uint CalculatedCrc { get { return _calculatedCrc; } }
        public uint Exponent { get { return _exponent; } }

        /// <summary>The SHA-256 of the padded image part that the block claims to sign.</summary>
        public byte[] ImageDigest { get { return _imageDigest; } }

        /// <summary>SHA-256 of the stored key (bytes 36-811): what `ota signing.keys` and eFuse hold.</summary>
        public byte[] KeyDigest { get { return _keyDigest; } }

        /// <summary>The block at sector[offset + index * 1216]; sha computes the key digest.</summary>
        public static SignatureBlock Read(byte[] sector, int offset, int index, ISha256 sha)
        {
            return new SignatureBlock(index, sector, offset + index * SignatureFormat.BlockSize, sha);
        }

        /// <summary>SHA-256 of block bytes 36-811 (n, e, R² mod n, m′): the Secure Boot V2 public-key digest.</summary>
        public static byte[] KeyDigestOf(byte[] block, int offset, ISha256 sha)
        {
            byte[] digest = new byte[SignatureFormat.DigestSize];
            sha.Reset();
            sha.Update(block, offset + SignatureFormat.KeyOffset, SignatureFormat.KeyLength);
            sha.Final(digest, 0);
            return digest;
        }

        /// <summary>True when the block signs exactly digest.</summary>
        public bool Signs(byte[] digest)
        {
            return Digests.Equal(_imageDigest, 0, digest, 0);
        }

        /// <summary>
        /// Writes a block into block[offset..+1216): magic, version, imageDigest, the 776 key bytes (n, e, R² mod n, m′ as
        /// stored), the 384 signature bytes (already little-endian), the CRC and 16 zero bytes. The signing tools use it.
        /// </summary>
        public static void Compose(byte[] block, int offset, byte[] imageDigest, byte[] key, byte[] signatureLittleEndian)
        {
            block[offset + SignatureFormat.MagicOffset] = SignatureFormat.Magic;
            block[offset + SignatureFormat.VersionOffset] = SignatureFormat.VersionRsa;
            block[offset + 2] = 0;
            block[offset + 3] = 0;
            System.Array.Copy(imageDigest, 0, block, offset + SignatureFormat.ImageDigestOffset, SignatureFormat.DigestSize);
            System.Array.Copy(key, 0, block, offset + SignatureFormat.KeyOffset, SignatureFormat.KeyLength);
            System.Array.Copy(signatureLittleEndian, 0, block, offset + SignatureFormat.SignatureOffset, SignatureFormat.RsaBytes);
            LittleEndian.WriteUInt32(block, offset + SignatureFormat.CrcOffset, Crc32.Compute(block, offset, SignatureFormat.CrcOffset));
            for (int i = 0; i < SignatureFormat.PaddingSize; i++)
                block[offset + SignatureFormat.PaddingOffset + i] = 0;
        }
    }
}

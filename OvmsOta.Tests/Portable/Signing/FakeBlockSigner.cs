using OvmsOta.Image;
using OvmsOta.Signing;

namespace OvmsOta.Tests.Portable.Signing
{
    /// <summary>
    /// The test double of an RSA key for nanoCLR (no RSA there): key fields are a pattern of seed, and the "signature"
    /// is SHA-256(digest, modulus) in its first 32 bytes, which <see cref="FakeSignatureVerifier"/> recomputes from the
    /// block. A changed digest, key or signature fails, as with RSA; it proves nothing about RSA itself.
    /// </summary>
    public sealed class FakeBlockSigner : IBlockSigner
    {
        private readonly byte[] _fields = new byte[SignatureFormat.KeyLength];

        public FakeBlockSigner(int seed)
        {
            for (int i = 0; i < _fields.Length; i++)
                _fields[i] = (byte)(seed * 31 + i * 7);
        }

        public byte[] KeyFields { get { return _fields; } }

        public byte[] Sign(byte[] digest)
        {
            return Expected(digest, _fields, 0);
        }

        /// <summary>The fake signature of digest under the modulus at fields[modulusOffset..+384).</summary>
        public static byte[] Expected(byte[] digest, byte[] fields, int modulusOffset)
        {
            var sha = new ManagedSha256();
            sha.Update(digest, 0, SignatureFormat.DigestSize);
            sha.Update(fields, modulusOffset, SignatureFormat.RsaBytes);
            var signature = new byte[SignatureFormat.RsaBytes];
            sha.Final(signature, 0);
            return signature;
        }
    }
}

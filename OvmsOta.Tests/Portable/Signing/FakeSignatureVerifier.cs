using OvmsOta.Signing;

namespace OvmsOta.Tests.Portable.Signing
{
    /// <summary>The verifier the portable signing tests bind on nanoCLR: accepts exactly <see cref="FakeBlockSigner"/>'s signatures.</summary>
    public sealed class FakeSignatureVerifier : ISignatureVerifier
    {
        public int Calls;

        public bool Verify(byte[] block, int offset, byte[] digest)
        {
            Calls++;
            byte[] expected = FakeBlockSigner.Expected(digest, block, offset + SignatureFormat.ModulusOffset);
            for (int i = 0; i < expected.Length; i++)
                if (block[offset + SignatureFormat.SignatureOffset + i] != expected[i])
                    return false;
            return true;
        }
    }
}

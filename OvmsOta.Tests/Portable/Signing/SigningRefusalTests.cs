#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace OvmsOta.Tests.Portable.Signing
{
    /// <summary>
    /// Every signing case through the updater with the test-double key and verifier (<see cref="FakeSignatureVerifier"/>,
    /// the binding nanoCLR has); Host/Signing runs the same cases with RSA-3072 keys and .NET's RSA.
    /// </summary>
    [TestClass]
    public class SigningRefusalTests
    {
        [TestMethod]
        [DataRow("signed", "")]
        [DataRow("unsigned-not-required", "")]
        [DataRow("unsigned", "unsigned")]
        [DataRow("unknown-key", "unknown-key")]
        [DataRow("trusted-in-block-1", "unknown-key")]
        [DataRow("revoked-key", "revoked-key")]
        [DataRow("bad-signature", "bad-signature")]
        [DataRow("altered-key", "unknown-key")]
        [DataRow("bad-crc", "bad-crc")]
        [DataRow("digest-mismatch", "digest-mismatch")]
        [DataRow("image-changed", "digest-mismatch")]
        [DataRow("unsupported-block", "unsupported-block")]
        [DataRow("truncated-block", "truncated-block")]
        [DataRow("secure-version-lower", "secure-version-lower")]
        public void AnUpdateIsAcceptedOnlyWhenBlockZeroVerifiesWithATrustedKey(string variant, string reason)
        {
            SigningCases.Run(variant, reason, new FakeSignatureVerifier(), new FakeBlockSigner(1), new FakeBlockSigner(2));
        }
    }
}

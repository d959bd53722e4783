using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.Simulator.Signing;
using OvmsOta.Tests.Portable.Signing;

namespace OvmsOta.Tests.Host.Signing;

/// <summary>The portable signing cases (<see cref="SigningCases"/>) with RSA-3072 keys and the host's RSA verifier.</summary>
[TestClass]
public class SigningRefusalRsaTests
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
    public void TheSigningCasesHoldWithRsaKeys(string variant, string reason)
    {
        SigningCases.Run(variant, reason, new HostRsaVerifier(), RsaBlockSigner.First.Value, RsaBlockSigner.Second.Value);
    }
}

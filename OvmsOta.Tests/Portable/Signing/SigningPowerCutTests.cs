#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.Signing;
using OvmsOta.Tests.Portable.Update;

namespace OvmsOta.Tests.Portable.Signing
{
    /// <summary>
    /// The update power-cut sweep with signing required: the check only reads, so the update's flash changes are the
    /// same as without it, and a cut at any of them (done, not done, torn) still boots the old image or, after the
    /// switch, the signed new one; a retry from whatever booted passes the signature check again.
    /// </summary>
    [TestClass]
    public class SigningPowerCutTests
    {
        [TestMethod]
        public void APowerCutAtAnyChangeOfASignedUpdateLeavesABootableModule()
        {
            var signer = new FakeBlockSigner(1);
            byte[] oldImage = UpdateRig.Image(UpdateRig.OldVersion, 0);
            byte[] newImage = SignedImages.Sign(UpdateRig.Image(UpdateRig.NewVersion, 0x11000), signer);
            var policy = new FixedPolicy(new SigningPolicy(KeyList.Parse(SignedImages.KeyHex(signer)), KeyList.Empty, true, 0));
            var verifier = new FakeSignatureVerifier();

            int unsignedChanges = UpdatePowerCutSweep.Measure(oldImage, newImage, SigningCases.Chunk);
            int tried = UpdatePowerCutSweep.Run(oldImage, newImage, SigningCases.Chunk, 1, policy, verifier);

            Assert.AreEqual(unsignedChanges * 3, tried, "the same changes as without the check, each cut three ways");
            Assert.IsTrue(verifier.Calls > unsignedChanges, "the signature was checked in every run that reached the end");
        }
    }
}

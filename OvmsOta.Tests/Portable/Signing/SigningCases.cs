#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.Image;
using OvmsOta.Partitions;
using OvmsOta.Signing;
using OvmsOta.Simulation;
using OvmsOta.Tests.Portable.Update;
using OvmsOta.Update;

namespace OvmsOta.Tests.Portable.Signing
{
    /// <summary>
    /// The signing cases of an update, shared by the portable tests (test-double key and verifier, host and nanoCLR) and
    /// the host tests (RSA-3072 keys and .NET's RSA): each case streams an image into ota_1 of an <see cref="UpdateRig"/>
    /// whose updater checks signatures, and either it boots or the update is refused with the named reason and 0 bytes
    /// changed outside ota_1, whose byte 0 stays erased.
    /// </summary>
    public static class SigningCases
    {
        public const string Signed = "signed";
        public const int Chunk = 4096;

        /// <summary>Runs the case; expected: "" when the image must be accepted, else the refusal's reason name.</summary>
        public static void Run(string variant, string expected, ISignatureVerifier verifier, IBlockSigner trusted, IBlockSigner other)
        {
            UpdateRig rig = UpdateRig.Create();
            rig.PutPreviousImageInTarget();
            byte[] otaDataBefore = rig.OtaDataBytes();
            byte[] runningBefore = rig.RunningBytes();
            var builder = new ImageBuilder(UpdateRig.NewVersion);
            builder.SecureVersion = variant == "secure-version-lower" ? 2u : 5u;
            byte[] image = builder.Build();
            bool required = variant != "unsigned-not-required";
            KeyList revoked = KeyList.Empty;
            byte[] file = Prepare(variant, image, trusted, other, ref revoked);
            KeyList keys = KeyList.Parse(SignedImages.KeyHex(trusted));
            var policy = new SigningPolicy(keys, revoked, required, 3);
            OtaUpdater updater = rig.Updater();
            updater.Signing = new SignatureCheck(rig.Flash, new ManagedSha256(), verifier, new FixedPolicy(policy));

            if (expected.Length == 0)
            {
                UpdateSession accepted = updater.Begin(file.Length);
                PartitionEntry target = UpdateRig.Push(accepted, file, file.Length, Chunk);
                Assert.AreEqual("ota_1", target.Label, variant);
                Assert.AreEqual("ota_1", rig.BootsAfterReset().Label, variant + ": the signed image boots");
                if (variant == "unsigned-not-required")
                    Expect.Contains("unsigned image accepted", accepted.SigningNote);
                else
                    Assert.IsNull(accepted.SigningNote, variant);
                return;
            }
            UpdateException refused = null;
            try
            {
                UpdateSession session = updater.Begin(file.Length);
                UpdateRig.Push(session, file, file.Length, Chunk);
            }
            catch (UpdateException e)
            {
                refused = e;
            }
            Assert.IsNotNull(refused, variant + ": must be refused");
            Expect.Contains("Image refused: ", refused.Message);
            Assert.IsTrue(refused.Message.EndsWith(refused.NothingChanged ? "; ota_1 is unchanged" : "; ota_1 was left unbootable"), refused.Message);
            Assert.AreEqual(expected, ReasonOf(refused), variant + ": " + refused.Message);
            if (variant == "trusted-in-block-1")
                Expect.Contains("block 1's key is trusted, but an ESP32 checks block 0 only", refused.Message);
            if (refused.NothingChanged)
                Assert.AreEqual(0, rig.Flash.Counters.Total.Changes, variant + ": refused from the first bytes, nothing written");
            else
                rig.AssertUntouched(otaDataBefore, runningBefore, variant);
            Assert.AreEqual(rig.Flash.Counters.Range("ota_1").Changes, rig.Flash.Counters.Total.Changes,
                variant + ": flash changed outside ota_1");
        }

        /// <summary>The stable name of why an update was refused: the signing reason or the image gate's.</summary>
        private static string ReasonOf(UpdateException e)
        {
            SigningException signing = e.InnerException as SigningException;
            if (signing != null)
                return signing.Reason.Name;
            ImageException image = e.InnerException as ImageException;
            return image != null ? image.Reason.Name : "(none: " + e.Message + ")";
        }

        private static byte[] Prepare(string variant, byte[] image, IBlockSigner trusted, IBlockSigner other, ref KeyList revoked)
        {
            switch (variant)
            {
                case Signed:
                case "secure-version-lower":
                    return SignedImages.Sign(image, trusted);
                case "unsigned":
                case "unsigned-not-required":
                    return image;
                case "unknown-key":
                    return SignedImages.Sign(image, other);
                case "trusted-in-block-1":
                    return SignedImages.Sign(image, new IBlockSigner[] { other, trusted });
                case "revoked-key":
                    revoked = KeyList.Parse(SignedImages.KeyHex(trusted));
                    return SignedImages.Sign(image, trusted);
                case "bad-signature":
                    return Damaged(image, trusted, SignatureFormat.SignatureOffset + 100, true);
                case "bad-crc":
                    return Damaged(image, trusted, SignatureFormat.SignatureOffset + 100, false);
                case "digest-mismatch":
                    return Damaged(image, trusted, SignatureFormat.ImageDigestOffset, true);
                case "altered-key":
                    return Damaged(image, trusted, SignatureFormat.ModulusOffset + 5, true);
                case "unsupported-block":
                    return Damaged(image, trusted, SignatureFormat.VersionOffset, true);
                case "truncated-block":
                    byte[] signed = SignedImages.Sign(image, trusted);
                    byte[] cut = new byte[signed.Length - 1000];
                    System.Array.Copy(signed, cut, cut.Length);
                    return cut;
                case "image-changed":
                    byte[] changed = SignedImages.Sign(image, trusted);
                    changed[image.Length + 10] = 0x00; // in the 0xFF padding the signature covers
                    return changed;
                default:
                    throw new System.ArgumentException("unknown variant " + variant);
            }
        }

        private static byte[] Damaged(byte[] image, IBlockSigner signer, int blockOffset, bool fixCrc)
        {
            byte[] signed = SignedImages.Sign(image, signer);
            SignedImages.Damage(signed, image.Length, blockOffset, fixCrc);
            return signed;
        }
    }
}

#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System.Text;
using OvmsOta.Bundle;
using OvmsOta.Flash;
using OvmsOta.Image;
using OvmsOta.Signing;
using OvmsOta.Simulation;
using OvmsOta.Tests.Portable.Flash;
using OvmsOta.Tests.Portable.Shell;
using OvmsOta.Tests.Portable.Signing;

namespace OvmsOta.Tests.Portable.Bundle
{
    /// <summary>
    /// Signed bundles through `ota flash vfs` with `ota signing.keys` set (test-double key and verifier): the manifest's
    /// detached signature (manifest.sig) is checked before anything is written, the app part through the updater's
    /// image check. Each refusal names its reason and changes nothing outside the inactive pair.
    /// </summary>
    [TestClass]
    public class SignedBundleTests
    {
        [TestMethod]
        public void A_bundle_with_a_signed_manifest_and_a_signed_app_installs()
        {
            BundleRig rig = Rig(false);
            string text = ShellRig.Join(rig.FlashVfs(Make("signed", rig.New)));
            Expect.Contains("OTA flash was successful", text);
            Assert.AreEqual("new", rig.PairOf("ota_1"));
        }

        [TestMethod]
        [DataRow("unsigned manifest", "(unsigned): the bundle has no manifest.sig entry")]
        [DataRow("unknown key", "(unknown-key): key ")]
        [DataRow("revoked key", "(revoked-key): key ")]
        [DataRow("tampered manifest", "(digest-mismatch): block 0 signs ")]
        [DataRow("bad signature", "(bad-signature): block 0 with key ")]
        [DataRow("bad CRC", "(bad-crc): block 0's CRC is ")]
        [DataRow("cut signature", "(truncated-block): manifest.sig is 1000 bytes")]
        public void A_bundle_whose_manifest_signature_fails_is_refused_before_anything_is_written(string name, string message)
        {
            BundleRig rig = Rig(name == "revoked key");
            RegionSnapshot[] outside = rig.OutsideInactivePair();
            byte[] bundle = Make(name, rig.New);
            rig.Flash.Counters.Clear();

            string text = ShellRig.Join(rig.FlashVfs(bundle));

            Expect.Contains("Signature check of the bundle's manifest failed " + message, text);
            Expect.DoesNotContain("OTA flash was successful", text);
            Assert.AreEqual(0, rig.Flash.Counters.Total.Changes, name + ": nothing written");
            rig.AssertUnchanged(outside, name);
            Assert.AreEqual("older", rig.PairOf("ota_1"), name + ": the inactive pair is untouched");
        }

        [TestMethod]
        public void A_signed_manifest_with_an_unsigned_app_is_refused_by_the_image_check()
        {
            BundleRig rig = Rig(false);
            RegionSnapshot[] outside = rig.OutsideInactivePair();

            string text = ShellRig.Join(rig.FlashVfs(Make("unsigned app", rig.New)));

            Expect.Contains("Signature check failed: " + SigningRefusal.Unsigned.Text, text);
            Expect.DoesNotContain("OTA flash was successful", text);
            rig.AssertUnchanged(outside, "unsigned app");
            Assert.AreEqual("ota_0", rig.Shell.Module.Engine.Slots.BootSlots.BootPartition().Label, "otadata still selects the running pair");
            byte[] first = new byte[1];
            rig.Flash.Read(rig.Partition("ota_1").Offset, first, 0, 1);
            Assert.AreEqual(0xFF, (int)first[0], "ota_1's byte 0 stays erased: not bootable");
        }

        [TestMethod]
        public void Without_keys_a_signed_bundle_installs_and_its_signature_is_not_looked_at()
        {
            BundleRig rig = new BundleRig(new FakeSignatureVerifier());
            string text = ShellRig.Join(rig.FlashVfs(Make("bad signature", rig.New)));
            Expect.Contains("OTA flash was successful", text);
        }

        private const int TrustedSeed = 1;
        private const int OtherSeed = 2;

        /// <summary>A rig whose config trusts the test key (and revokes it when revoke).</summary>
        private static BundleRig Rig(bool revoke)
        {
            BundleRig rig = new BundleRig(new FakeSignatureVerifier());
            string key = SignedImages.KeyHex(new FakeBlockSigner(TrustedSeed));
            ShellRig.Join(rig.Shell.Run("config set ota signing.keys " + key));
            if (revoke)
                ShellRig.Join(rig.Shell.Run("config set ota signing.revoked " + key));
            rig.Flash.Counters.Clear();
            return rig;
        }

        /// <summary>The new pair as a bundle: signed app, manifest.json, manifest.sig (one block), app.bin, deploy.bin, broken as named.</summary>
        private static byte[] Make(string name, BundleBuilder pair)
        {
            IBlockSigner signer = new FakeBlockSigner(name == "unknown key" ? OtherSeed : TrustedSeed);
            byte[] app = name == "unsigned app" ? pair.App : SignedImages.Sign(pair.App, new FakeBlockSigner(TrustedSeed));
            BundleBuilder signedPair = new BundleBuilder(pair.Version, app, pair.Deploy, pair.Assemblies);
            signedPair.Natives = pair.Natives;
            byte[] manifest = Encoding.UTF8.GetBytes(PortableJson.Codec().ToJson(signedPair.Manifest()));
            byte[] signed = manifest;
            if (name == "tampered manifest")
            {
                signedPair.Version = pair.Version + "x";
                signed = Encoding.UTF8.GetBytes(PortableJson.Codec().ToJson(signedPair.Manifest()));
            }
            byte[] digest = SignedImages.Digest(signed, signed.Length);
            byte[] signature = new byte[name == "cut signature" ? 1000 : SignatureFormat.BlockSize];
            if (name != "cut signature")
                SignatureBlock.Compose(signature, 0, digest, signer.KeyFields, signer.Sign(digest));
            if (name == "bad signature" || name == "bad CRC")
            {
                signature[SignatureFormat.SignatureOffset + 5] ^= 0x5A;
                if (name == "bad signature")
                    LittleEndian.WriteUInt32(signature, SignatureFormat.CrcOffset, Crc32.Compute(signature, 0, SignatureFormat.CrcOffset));
            }
            StoredZip zip = new StoredZip();
            zip.Add(ManifestReader.EntryName, manifest);
            if (name != "unsigned manifest")
                zip.Add(ManifestReader.SignatureEntryName, signature);
            zip.Add(BundleBuilder.AppEntry, app);
            zip.Add(BundleBuilder.DeployEntry, pair.Deploy);
            return zip.Bytes();
        }
    }
}

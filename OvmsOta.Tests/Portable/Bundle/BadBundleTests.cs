#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using OvmsOta.Bundle;
using OvmsOta.Flash;
using OvmsOta.Image;
using OvmsOta.Simulation;
using OvmsOta.Tests.Portable.Flash;
using OvmsOta.Tests.Portable.Shell;

namespace OvmsOta.Tests.Portable.Bundle
{
    /// <summary>
    /// Bad bundles through `ota flash vfs` on the device layout: each is refused with its own message, nothing outside
    /// the inactive pair changes, and the running pair still boots. Prints the table (case | message).
    /// </summary>
    [TestClass]
    public class BadBundleTests
    {
        [TestMethod]
        [DataRow("truncated ZIP", "The bundle is truncated: it ends after")]
        [DataRow("manifest missing", "The bundle has no manifest.json (its first entry is app.bin)")]
        [DataRow("manifest not first", "manifest.json must be the first entry of the bundle; it is entry 2, after app.bin")]
        [DataRow("wrong hash", "The bundle's deploy part (deploy.bin) has SHA-256")]
        [DataRow("missing part", "The bundle lacks its deploy part: the manifest names entry deploy.bin")]
        [DataRow("part too large", "The bundle's deploy part (deploy.bin) is 196608 bytes; deploy_1 holds 131072")]
        [DataRow("entry labelled deflated", "Bundle entry app.bin is damaged: its deflate data is corrupt")]
        [DataRow("mismatched native checksums", "its nanoCLR provides 0xBAD: the app and the deployment were not built together")]
        [DataRow("bad assembly CRC", "The bundle's deployment assembly 2 (OvmsOta.Native) at byte")]
        [DataRow("manifest field missing", "manifest.json: parts.app.sha256 is missing")]
        public void A_bad_bundle_is_refused_with_its_own_message_and_changes_nothing_outside_the_inactive_pair(string name, string message)
        {
            BundleRig rig = new BundleRig();
            RegionSnapshot[] outside = rig.OutsideInactivePair();

            string text = ShellRig.Join(rig.FlashVfs(Make(name, rig.New)));

            Print(name + " | " + LineWith(message, text));
            Expect.Contains(message, text);
            Expect.DoesNotContain("OTA flash was successful", text);
            rig.AssertUnchanged(outside, name + ": outside the inactive pair");
            Assert.AreEqual("ota_0", rig.Shell.Module.Engine.Slots.BootSlots.BootPartition().Label, name + ": otadata still selects the running pair");
            byte[] first = new byte[1];
            rig.Flash.Read(rig.Partition("ota_1").Offset, first, 0, 1);
            Assert.IsTrue(first[0] == 0xE9 ? rig.Holds("ota_1", rig.Older.App) : true, name + ": ota_1 is either the older app, untouched, or not bootable");
        }

        private static byte[] Make(string name, BundleBuilder bundle)
        {
            if (name == "truncated ZIP")
            {
                byte[] whole = bundle.Build(PortableJson.Codec());
                byte[] cut = new byte[whole.Length - 200];
                Array.Copy(whole, cut, cut.Length);
                return cut;
            }
            if (name == "manifest missing")
                return Zip(new string[] { "app.bin", "deploy.bin" }, new byte[][] { bundle.App, bundle.Deploy });
            if (name == "manifest not first")
                return Zip(new string[] { "app.bin", "manifest.json", "deploy.bin" }, new byte[][] { bundle.App, Text(ManifestText(bundle.Manifest())), bundle.Deploy });
            if (name == "missing part")
                return Zip(new string[] { "manifest.json", "app.bin" }, new byte[][] { Text(ManifestText(bundle.Manifest())), bundle.App });
            if (name == "entry labelled deflated")
            {
                StoredZip zip = new StoredZip();
                zip.Add("manifest.json", Text(ManifestText(bundle.Manifest())));
                zip.Add("app.bin", bundle.App, 8, 0, Crc32.Compute(bundle.App, 0, bundle.App.Length));
                zip.Add("deploy.bin", bundle.Deploy);
                return zip.Bytes();
            }
            if (name == "bad assembly CRC")
            {
                // A deployment whose second assembly has a flipped byte, its manifest made for exactly those bytes.
                byte[] deploy = (byte[])bundle.Deploy.Clone();
                deploy[deploy.Length - 2 * 700] ^= 0x01;
                BundleBuilder broken = new BundleBuilder(bundle.Version, bundle.App, deploy, bundle.Assemblies);
                broken.Natives = bundle.Natives;
                return broken.Build(PortableJson.Codec());
            }
            BundleManifest manifest = bundle.Manifest();
            if (name == "wrong hash")
                manifest.Parts.Deploy.Sha256 = ManifestSamples.DeploySha;
            else if (name == "part too large")
                manifest.Parts.Deploy.Size = 0x30000;
            else if (name == "mismatched native checksums")
                manifest.Parts.App.Natives[0].Checksum = "0xBAD";
            else if (name == "manifest field missing")
                manifest.Parts.App.Sha256 = null;
            else
                throw new ArgumentException("no such case: " + name);
            return BundleBuilder.Zip(ManifestText(manifest), bundle.App, bundle.Deploy);
        }

        private static string ManifestText(BundleManifest manifest)
        {
            return PortableJson.Codec().ToJson(manifest);
        }

        private static byte[] Text(string text)
        {
            return System.Text.Encoding.UTF8.GetBytes(text);
        }

        private static byte[] Zip(string[] names, byte[][] data)
        {
            StoredZip zip = new StoredZip();
            for (int i = 0; i < names.Length; i++)
                zip.Add(names[i], data[i]);
            return zip.Bytes();
        }

        /// <summary>The output line holding part (after OVMS's "ESP32 error #n" line the shell prints the cause).</summary>
        private static string LineWith(string part, string text)
        {
            int at = text.IndexOf(part);
            if (at < 0)
                return text;
            int start = text.LastIndexOf('\n', at) + 1;
            int end = text.IndexOf('\n', at);
            return end < 0 ? text.Substring(start) : text.Substring(start, end - start);
        }

#if NANOFRAMEWORK_1_0
        static void Print(string line) { OutputHelper.WriteLine(line); }
#else
        static void Print(string line) { System.Console.WriteLine(line); }
#endif
    }
}

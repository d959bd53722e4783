using System.IO;
using System.IO.Compression;
using System.Net.Http;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.Flash;
using OvmsOta.Simulator;
using OvmsOta.Simulator.Module;
using OvmsOta.Tests.Host.Push;
using OvmsOta.Tests.Host.Sim;

namespace OvmsOta.Tests.Host.Bundle
{
    /// <summary>
    /// `ovmsota bundle make --deflate`: .NET's ZipArchive deflates app.bin and deploy.bin, and the simulated module (its
    /// deflate decoder is the system's zlib) installs the bundle pushed to it; `bundle sign` keeps the parts deflated.
    /// </summary>
    [TestClass]
    public class DeflatedBundleTests
    {
        [TestMethod]
        public void A_bundle_made_with_deflate_has_deflated_parts_and_installs_the_pair()
        {
            using var temp = new TempFolder();
            string bundle = Cli.MakeDemoBundle(temp, "--deflate");

            Assert.AreEqual("manifest.json:0 app.bin:8 deploy.bin:8", Methods(File.ReadAllBytes(bundle)));
            var info = Cli.Run("bundle", "info", bundle);
            Assert.AreEqual(0, info.Code, info.Error + info.Output);

            using var rig = new PushRig(SimLayout.Device);
            var form = PushRig.Form(File.ReadAllBytes(bundle));
            var (status, body) = rig.Post(form);

            Assert.AreEqual(200, status, body);
            StringAssert.Contains(body, "OTA flash was successful");
            var lines = rig.Module.PowerOn();
            StringAssert.Contains(lines[0], "Booted ota_1 + deploy_1: 3.3.006-1-gdemo");
            StringAssert.Contains(lines[0], "deploy_1: 3 assemblies");
        }

        [TestMethod]
        public void Signing_a_deflated_bundle_keeps_its_parts_deflated_and_the_same()
        {
            using var temp = new TempFolder();
            string bundle = Cli.MakeDemoBundle(temp, "--deflate");
            Assert.AreEqual(0, Cli.Run("keygen", "-o", temp.File("a.pem")).Code);

            var signed = Cli.Run("bundle", "sign", "--key", temp.File("a.pem"), bundle, "-o", temp.File("signed.zip"));

            Assert.AreEqual(0, signed.Code, signed.Error);
            Assert.AreEqual("manifest.json:0 manifest.sig:0 app.bin:8 deploy.bin:8", Methods(File.ReadAllBytes(temp.File("signed.zip"))));
            using var before = ZipFile.OpenRead(bundle);
            using var after = ZipFile.OpenRead(temp.File("signed.zip"));
            foreach (string name in new[] { "app.bin", "deploy.bin" })
                CollectionAssert.AreEqual(Cli.Entry(before, name), Cli.Entry(after, name), name);
        }

        [TestMethod]
        public void A_stored_bundle_stays_the_default()
        {
            using var temp = new TempFolder();

            Assert.AreEqual("manifest.json:0 app.bin:0 deploy.bin:0", Methods(File.ReadAllBytes(Cli.MakeDemoBundle(temp))));
        }

        // Each local header's name and compression method, in order, as the module's stream reader meets them; the
        // local headers must also carry the sizes (no data descriptor), which the module needs.
        static string Methods(byte[] zip)
        {
            var parts = new System.Collections.Generic.List<string>();
            int at = 0;
            while (LittleEndian.ReadUInt32(zip, at) == 0x04034B50)
            {
                Assert.AreEqual(0, LittleEndian.ReadUInt16(zip, at + 6) & 8, "sizes in the local header");
                int method = LittleEndian.ReadUInt16(zip, at + 8);
                int compressed = (int)LittleEndian.ReadUInt32(zip, at + 18);
                int nameLength = LittleEndian.ReadUInt16(zip, at + 26);
                int extra = LittleEndian.ReadUInt16(zip, at + 28);
                parts.Add(System.Text.Encoding.ASCII.GetString(zip, at + 30, nameLength) + ":" + method);
                at += 30 + nameLength + extra + compressed;
            }
            return string.Join(" ", parts);
        }
    }
}

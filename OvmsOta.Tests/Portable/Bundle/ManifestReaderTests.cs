#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.Bundle;

namespace OvmsOta.Tests.Portable.Bundle
{
    /// <summary>
    /// manifest.json through the JSON binding of this build (PortableJson: System.Text.Json on .NET, nanoFramework.Json
    /// on nanoCLR) and Core's checks: both bindings must give the same object and the same messages.
    /// </summary>
    [TestClass]
    public class ManifestReaderTests
    {
        [TestMethod]
        public void A_valid_manifest_reads_into_every_field()
        {
            BundleManifest m = ManifestReader.Read(PortableJson.Codec(), ManifestSamples.Valid);

            Assert.AreEqual("ovmsota", m.Name);
            Assert.AreEqual("3.3.005-2-gabc1234", m.Version);
            Assert.AreEqual("ovmsota-device", m.Product);
            Assert.AreEqual("20261202-1", m.BuildId);
            Assert.AreEqual("app.bin", m.Parts.App.Src);
            Assert.AreEqual(1200000L, m.Parts.App.Size);
            Assert.AreEqual(ManifestSamples.AppSha, m.Parts.App.Sha256);
            Assert.AreEqual("ota", m.Parts.App.Target);
            Assert.AreEqual(2, m.Parts.App.Natives.Length);
            Assert.AreEqual("nanoFramework.Runtime.Native", m.Parts.App.Natives[1].Name);
            Assert.AreEqual("0x0EB1", m.Parts.App.Natives[1].Checksum);
            Assert.AreEqual("deploy.bin", m.Parts.Deploy.Src);
            Assert.AreEqual(90000L, m.Parts.Deploy.Size);
            Assert.AreEqual(2, m.Parts.Deploy.Assemblies.Length);
            Assert.AreEqual("OvmsOta.Native", m.Parts.Deploy.Assemblies[1].Name);
            Assert.AreEqual("1.0.0.0", m.Parts.Deploy.Assemblies[1].Version);
            Assert.AreEqual("0x1A2B3C4D", m.Parts.Deploy.Assemblies[1].NativeChecksum);
            Assert.IsNull(m.Parts.Files);
        }

        [TestMethod]
        public void Field_names_match_without_regard_to_case()
        {
            string json = ManifestSamples.Replace(ManifestSamples.With("\"version\"", "\"VERSION\""), "\"buildId\"", "\"buildid\"");

            BundleManifest m = ManifestReader.Read(PortableJson.Codec(), json);

            Assert.AreEqual("3.3.005-2-gabc1234", m.Version);
            Assert.AreEqual("20261202-1", m.BuildId);
        }

        [TestMethod]
        public void A_manifest_written_by_the_codec_reads_back_the_same()
        {
            BundleManifest m = ManifestReader.Read(PortableJson.Codec(), ManifestSamples.Valid);

            BundleManifest again = ManifestReader.Read(PortableJson.Codec(), PortableJson.Codec().ToJson(m));

            Assert.AreEqual(m.Version, again.Version);
            Assert.AreEqual(m.Parts.App.Sha256, again.Parts.App.Sha256);
            Assert.AreEqual(m.Parts.Deploy.Size, again.Parts.Deploy.Size);
            Assert.AreEqual(m.Parts.Deploy.Assemblies[1].NativeChecksum, again.Parts.Deploy.Assemblies[1].NativeChecksum);
            Assert.AreEqual(m.Parts.App.Natives[0].Name, again.Parts.App.Natives[0].Name);
        }

        [TestMethod]
        [DataRow("\"name\": \"ovmsota\",\n", "manifest.json: name is missing")]
        [DataRow("\"version\": \"3.3.005-2-gabc1234\",\n", "manifest.json: version is missing")]
        [DataRow("\"src\": \"app.bin\", ", "manifest.json: parts.app.src is missing")]
        [DataRow("\"size\": 1200000, ", "manifest.json: parts.app.size is missing")]
        [DataRow("\"sha256\": \"" + ManifestSamples.DeploySha + "\", ", "manifest.json: parts.deploy.sha256 is missing")]
        [DataRow(", \"target\": \"deploy\"", "manifest.json: parts.deploy.target is missing")]
        [DataRow(", \"checksum\": \"0x0EB1\"", "manifest.json: parts.app.natives[1].checksum is missing")]
        [DataRow("\"name\": \"OvmsOta.Core\", ", "manifest.json: parts.deploy.assemblies[0].name is missing")]
        public void A_missing_required_field_is_named(string removed, string message)
        {
            Expect.Contains(removed, ManifestSamples.Valid);

            BundleException e = Refused(ManifestSamples.With(removed, string.Empty));

            Assert.AreEqual(message, e.Message);
        }

        [TestMethod]
        [DataRow("\"deploy\": {", "\"deployment\": {", "manifest.json: parts.deploy is missing")]
        [DataRow("\"assemblies\"", "\"assemblyList\"", "manifest.json: parts.deploy.assemblies is missing")]
        [DataRow("\"parts\"", "\"partz\"", "manifest.json: parts is missing")]
        [DataRow("\"target\": \"ota\"", "\"target\": \"deploy\"", "manifest.json: parts.app.target must be \"ota\", not \"deploy\"")]
        [DataRow("\"size\": 1200000", "\"size\": -5", "manifest.json: parts.app.size must be a positive number of bytes, not -5")]
        [DataRow("\"0x1A2B3C4D\"}, {\"name\": \"nano", "\"1A2B3C4D\"}, {\"name\": \"nano", "manifest.json: parts.app.natives[0].checksum must be 0x and 1 to 8 hex digits, not \"1A2B3C4D\"")]
        [DataRow("\"src\": \"deploy.bin\"", "\"src\": \"app.bin\"", "manifest.json: parts name one ZIP entry twice")]
        [DataRow("\"src\": \"app.bin\"", "\"src\": \"manifest.json\"", "manifest.json: parts.app.src cannot be the manifest itself")]
        public void A_wrong_value_is_named(string from, string to, string message)
        {
            Expect.Contains(from, ManifestSamples.Valid);

            BundleException e = Refused(ManifestSamples.With(from, to));

            Assert.AreEqual(message, e.Message);
        }

        [TestMethod]
        public void A_digest_that_is_not_64_lower_case_hex_digits_is_named()
        {
            BundleException e = Refused(ManifestSamples.With(ManifestSamples.AppSha, ManifestSamples.AppSha.ToUpper()));

            Expect.Contains("manifest.json: parts.app.sha256 must be 64 lower-case hex digits", e.Message);
        }

        [TestMethod]
        [DataRow("\"size\": 1200000", "\"size\": \"big\"")]
        [DataRow("\"natives\": [", "\"natives\": 7, \"x\": [")]
        public void A_value_of_the_wrong_type_is_refused_as_a_bad_manifest(string from, string to)
        {
            BundleException e = Refused(ManifestSamples.With(from, to));

            Expect.Contains("manifest.json: ", e.Message);
            if (PortableJson.Binding == "System.Text.Json")
                Expect.Contains("parts.app.", e.Message);
        }

        [TestMethod]
        [DataRow("not json")]
        [DataRow("{\"name\": ")]
        [DataRow("[1, 2]")]
        public void Text_that_is_not_a_JSON_object_is_refused(string json)
        {
            BundleException e = Refused(json);

            Expect.Contains("manifest.json", e.Message);
        }

        private static BundleException Refused(string json)
        {
            BundleException e = (BundleException)Expect.Throws(typeof(BundleException), () => ManifestReader.Read(PortableJson.Codec(), json));
            Assert.AreEqual(BundleError.BadManifest, e.Error);
            return e;
        }
    }
}

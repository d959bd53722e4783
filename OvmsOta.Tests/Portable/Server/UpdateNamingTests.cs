#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using OvmsOta.UpdateServer;

namespace OvmsOta.Tests.Portable.Server
{
    /// <summary>URLs, product names and version strings as OVMS composes them (reference sections 3 and 6).</summary>
    [TestClass]
    public class UpdateNamingTests
    {
        [TestMethod]
        [DataRow("", "v3.3-5", "", "api.openvehicles.com/firmware/ota/v3.3-5/main/ovms3")]
        [DataRow("https://ovms.dexters-web.de/firmware/ota", "v3.3", "eap", "https://ovms.dexters-web.de/firmware/ota/v3.3/eap/ovms3")]
        [DataRow("127.0.0.1:8080/", "v3.1", "main", "127.0.0.1:8080//v3.1/main/ovms3")]
        public void UrlsAreBuiltAsOvmsBuildsThem(string server, string product, string tag, string stem)
        {
            Assert.AreEqual(stem + ".bin", UpdateUrl.Image(server, product, tag));
            Assert.AreEqual(stem + ".ver", UpdateUrl.Version(server, product, tag));
        }

        [TestMethod]
        public void NullServerAndTagMeanTheDefaults()
        {
            Assert.AreEqual("api.openvehicles.com/firmware/ota/v3.3-5/main/ovms3.bin", UpdateUrl.Image(null, "v3.3-5", null));
        }

        [TestMethod]
        [DataRow("3.0", 1, "v3-30", "v3.0")]
        [DataRow("3.0", 3, "v3-35", "v3.0-5")]
        [DataRow("3.1", 0, "v3-30", "v3.1")]
        [DataRow("3.1", 2, "v3-34", "v3.1")]
        [DataRow("3.1", 3, "v3-30", "v3.3")]
        [DataRow("3.1", 3, "v3-35", "v3.3-5")]
        [DataRow("3.1", 3, "v3-35 (ota1, ota2, no factory, maximized store)", "v3.3-5")]
        [DataRow("3.1", 1, "v3-35", "v3.1-5")]
        [DataRow("3.1", 3, "unknown", "v3.3")]
        [DataRow("3.1", 3, "v3-350", "v3.3")]
        public void ProductComesFromHardwareChipRevisionAndPartitionType(string hardware, int revision, string type, string product)
        {
            Assert.AreEqual(product, OvmsProduct.Name(hardware, revision, type));
        }

        [TestMethod]
        public void UnknownHardwareIsRefused()
        {
            Exception e = Expect.Throws(typeof(ArgumentException), () => OvmsProduct.Name("3.2", 3, "v3-35"));
            Expect.Contains("\"3.2\"", e.Message);
        }

        [TestMethod]
        public void FullVersionStringMatchesTheReferenceExample()
        {
            string date = OvmsVersion.CompilerDate(2026, 5, 13);
            string full = OvmsVersion.Full("3.3.005-925-g3e67d4e6d-dirty", "ota_1", "edge", "v3.3.4-854-g9063c8662c", date, "20:13:48", "v3.3-5");
            Assert.AreEqual("3.3.005-925-g3e67d4e6d-dirty/ota_1/edge (build idf v3.3.4-854-g9063c8662c May 13 2026 20:13:48, product v3.3-5)", full);
        }

        [TestMethod]
        [DataRow(2025, 9, 7, "Sep  7 2025")]
        [DataRow(2026, 1, 31, "Jan 31 2026")]
        [DataRow(2026, 12, 1, "Dec  1 2026")]
        public void CompilerDatePadsTheDayWithASpace(int year, int month, int day, string text)
        {
            Assert.AreEqual(text, OvmsVersion.CompilerDate(year, month, day));
        }

        [TestMethod]
        public void ShortVersionUsesTheBuildTagWhenNoneIsConfigured()
        {
            Assert.AreEqual("3.3.005/factory/main", OvmsVersion.Short("3.3.005", "factory", ""));
        }

        [TestMethod]
        public void UserAgentNamesProductVehicleAndVersion()
        {
            Assert.AreEqual("ovms/v3.3-5 (DEMO 3.3.005/ota_0/main (build idf v3.3.4 Sep  7 2025 10:00:00, product v3.3-5))",
                OvmsVersion.UserAgent("v3.3-5", "DEMO", "3.3.005/ota_0/main (build idf v3.3.4 Sep  7 2025 10:00:00, product v3.3-5)"));
        }

        [TestMethod]
        [DataRow("api.openvehicles.com/firmware/ota/v3.3-5/main/ovms3.bin", "http://api.openvehicles.com/firmware/ota/v3.3-5/main/ovms3.bin")]
        [DataRow("http://a/b", "http://a/b")]
        [DataRow("HTTPS://a/b", "HTTPS://a/b")]
        [DataRow("127.0.0.1:8080/v3.3-5/edge/ovms3.ver", "http://127.0.0.1:8080/v3.3-5/edge/ovms3.ver")]
        public void SchemelessUrlsAreHttp(string url, string absolute)
        {
            Assert.AreEqual(absolute, UrlResolver.Absolute(url));
        }

        [TestMethod]
        [DataRow("ftp://a/b")]
        [DataRow("")]
        public void OtherSchemesAreRefused(string url)
        {
            DownloadException e = (DownloadException)Expect.Throws(typeof(DownloadException), () => UrlResolver.Absolute(url));
            Assert.AreEqual((int)DownloadError.BadUrl, (int)e.Error);
        }

        [TestMethod]
        [DataRow("http://h:1/a/b/ovms3.bin", "https://o/x.bin", "https://o/x.bin")]
        [DataRow("http://h:1/a/b/ovms3.bin", "//o/x.bin", "http://o/x.bin")]
        [DataRow("https://h:1/a/b/ovms3.bin", "/x/y.bin", "https://h:1/x/y.bin")]
        [DataRow("http://h:1/a/b/ovms3.bin?q=1/2", "c.bin", "http://h:1/a/b/c.bin")]
        [DataRow("http://h:1", "c.bin", "http://h:1/c.bin")]
        public void LocationsResolveAgainstTheRequestUrl(string baseUrl, string location, string resolved)
        {
            Assert.AreEqual(resolved, UrlResolver.Resolve(baseUrl, location));
        }
    }
}

#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.UpdateServer;

namespace OvmsOta.Tests.Portable.Server
{
    [TestClass]
    public class VersionFileTests
    {
        [TestMethod]
        [DataRow("3.3.006-275-g85074a0ae\nFixed things\nAdded more\n", "3.3.006-275-g85074a0ae", "Fixed things\nAdded more\n")]
        [DataRow("3.3.006-275-g85074a0ae\r\nFixed things\r\n", "3.3.006-275-g85074a0ae", "Fixed things\r\n")]
        [DataRow("3.3.006\r", "3.3.006", "")]
        [DataRow("3.3.006\n", "3.3.006", "")]
        [DataRow("3.3.006\r\r\nnext", "3.3.006", "\r\nnext")]
        [DataRow("\nchangelog only", "", "changelog only")]
        public void LineOneIsTheVersionAndTheRestTheChangelog(string text, string version, string changelog)
        {
            VersionFile file = VersionFile.Parse(text, "test.ver");
            Assert.AreEqual(version, file.Version);
            Assert.AreEqual(changelog, file.Changelog);
        }

        [TestMethod]
        [DataRow("3.3.006")]
        [DataRow("")]
        public void TextWithoutALineEndIsRefused(string text)
        {
            DownloadException e = (DownloadException)Expect.Throws(typeof(DownloadException), () => VersionFile.Parse(text, "x/ovms3.ver"));
            Assert.AreEqual((int)DownloadError.BadVersionFile, (int)e.Error);
            Expect.Contains("x/ovms3.ver has no line end", e.Message);
        }
    }
}

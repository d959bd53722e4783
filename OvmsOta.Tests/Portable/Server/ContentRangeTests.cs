#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.UpdateServer;

namespace OvmsOta.Tests.Portable.Server
{
    /// <summary>Content-Range as a resumed download reads it: the part's bounds and the whole length, or a named refusal.</summary>
    [TestClass]
    public class ContentRangeTests
    {
        [TestMethod]
        [DataRow("bytes 0-287/1048576", 0, 287, 1048576)]
        [DataRow("bytes 4096-1048575/1048576", 4096, 1048575, 1048576)]
        [DataRow(" bytes 5-5/*", 5, 5, -1)]
        public void APartAndItsWholeLengthAreRead(string header, int first, int last, int complete)
        {
            ContentRange range = ContentRange.Parse(header, "http://u/ovms3.bin");
            Assert.AreEqual(first, range.First);
            Assert.AreEqual(last, range.Last);
            Assert.AreEqual(complete, range.Complete);
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("bytes */1048576")]
        [DataRow("items 0-1/2")]
        [DataRow("bytes 10-5/100")]
        [DataRow("bytes 0-100/100")]
        [DataRow("bytes 0-1/9999999999")]
        [DataRow("bytes -1-5/100")]
        [DataRow("bytes 0-5")]
        public void AnythingElseIsRefusedWithTheHeaderNamed(string header)
        {
            DownloadException e = (DownloadException)Expect.Throws(typeof(DownloadException),
                delegate { ContentRange.Parse(header, "http://u/ovms3.bin"); });
            Assert.AreEqual((int)DownloadError.BadRange, (int)e.Error);
            Expect.Contains("\"" + header + "\"", e.Message);
        }

        [TestMethod]
        public void AMissingHeaderIsRefused()
        {
            DownloadException e = (DownloadException)Expect.Throws(typeof(DownloadException),
                delegate { ContentRange.Parse(null, "http://u/ovms3.bin"); });
            Expect.Contains("(none)", e.Message);
        }
    }
}

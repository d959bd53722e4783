#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System.Text;
using OvmsOta.Partitions;

namespace OvmsOta.Tests.Portable.Partitions
{
    [TestClass]
    public class Md5Tests
    {
        // RFC 1321 appendix A.5 test suite.
        [TestMethod]
        [DataRow("", "d41d8cd98f00b204e9800998ecf8427e")]
        [DataRow("a", "0cc175b9c0f1b6a831c399e269772661")]
        [DataRow("abc", "900150983cd24fb0d6963f7d28e17f72")]
        [DataRow("message digest", "f96b697d7cb7938d525a2f31aaf161d0")]
        [DataRow("abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b")]
        [DataRow("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f")]
        [DataRow("12345678901234567890123456789012345678901234567890123456789012345678901234567890", "57edf4a22be3c955ac49da2e2107b67a")]
        public void DigestMatchesRfc1321(string message, string expectedHex)
        {
            byte[] data = Encoding.UTF8.GetBytes(message);
            Assert.AreEqual(expectedHex, Md5.ToHex(Md5.Compute(data, 0, data.Length), 0, Md5.DigestSize));
        }

        [TestMethod]
        public void DigestCoversOnlyTheGivenRange()
        {
            byte[] data = Encoding.UTF8.GetBytes("xxabcyy");
            Assert.AreEqual("900150983cd24fb0d6963f7d28e17f72", Md5.ToHex(Md5.Compute(data, 2, 3), 0, Md5.DigestSize));
        }
    }
}

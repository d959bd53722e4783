#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.Image;

namespace OvmsOta.Tests.Portable.Image
{
    /// <summary>ManagedSha256 against the FIPS 180-2 / NIST known answers, through one driver.</summary>
    [TestClass]
    public class Sha256Tests
    {
        [TestMethod]
        [DataRow("", 1, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
        [DataRow("abc", 1, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
        [DataRow("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 1, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
        [DataRow("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu", 1,
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")]
        [DataRow("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 10000,
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")] // one million 'a'
        public void KnownAnswer(string message, int repeat, string expected)
        {
            byte[] bytes = Ascii(message);
            ManagedSha256 sha = new ManagedSha256();
            for (int i = 0; i < repeat; i++)
                sha.Update(bytes, 0, bytes.Length);
            byte[] digest = new byte[32];
            sha.Final(digest, 0);
            Assert.AreEqual(expected, Hex.Digest(digest, 0, 32));
        }

        [TestMethod]
        public void AnySplitGivesTheSameDigest()
        {
            byte[] data = new byte[200];
            for (int i = 0; i < data.Length; i++)
                data[i] = (byte)(i * 37 + 11);
            ManagedSha256 sha = new ManagedSha256();
            byte[] whole = new byte[32];
            sha.Update(data, 0, data.Length);
            sha.Final(whole, 0);
            byte[] split = new byte[32];
            for (int cut = 0; cut <= data.Length; cut += 7)
            {
                sha.Update(data, 0, cut);
                sha.Update(data, cut, data.Length - cut);
                sha.Final(split, 0);
                CollectionAssert.AreEqual(whole, split);
            }
        }

        [TestMethod]
        public void FinalStartsANewDigest()
        {
            byte[] abc = Ascii("abc");
            ManagedSha256 sha = new ManagedSha256();
            byte[] first = new byte[32];
            byte[] second = new byte[32];
            sha.Update(abc, 0, 3);
            sha.Final(first, 0);
            sha.Update(abc, 0, 3);
            sha.Final(second, 0);
            CollectionAssert.AreEqual(first, second);
        }

        static byte[] Ascii(string text)
        {
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
                bytes[i] = (byte)text[i];
            return bytes;
        }
    }
}

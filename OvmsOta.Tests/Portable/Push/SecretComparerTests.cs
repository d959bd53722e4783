#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.Push;

namespace OvmsOta.Tests.Portable.Push
{
    [TestClass]
    public class SecretComparerTests
    {
        [TestMethod]
        [DataRow("secret", "secret", true)]
        [DataRow("secret", "secreT", false)]
        [DataRow("secret", "secre", false)]
        [DataRow("secret", "secrets", false)]
        [DataRow("secret", "", false)]
        [DataRow("", "", false)]
        [DataRow("a", "a", true)]
        public void OnlyTheExactSecretMatches(string configured, string presented, bool expected)
        {
            Assert.AreEqual(expected, SecretComparer.Matches(configured, presented));
        }

        [TestMethod]
        public void NullsNeverMatch()
        {
            Assert.IsFalse(SecretComparer.Matches(null, null));
            Assert.IsFalse(SecretComparer.Matches("x", null));
            Assert.IsFalse(SecretComparer.Matches(null, "x"));
        }
    }
}

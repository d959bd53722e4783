#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.UpdateServer;

namespace OvmsOta.Tests.Portable.Server
{
    [TestClass]
    public class VersionComparerTests
    {
        // glibc's own orderings: the strverscmp manual page and glibc's test list string/tst-svc.expect.
        static readonly string[] ManualOrder = new string[] { "000", "00", "01", "010", "09", "0", "1", "9", "10" };
        static readonly string[] GlibcTestOrder = new string[]
        {
            "000", "001", "00", "00a", "01", "01a", "0", "0a", "20", "21", "22", "212", "CP037", "CP345", "CP1257",
            "foo", "foo-0.4", "foo-0.4a", "foo-0.4b", "foo-0.5", "foo-0.10.5", "foo-3.01", "foo-3.0", "foo-3.0.0",
            "foo-3.0.1", "foo-3.2", "foo-3.10", "foo00", "foo0",
        };

        [TestMethod]
        public void StrVersCmpOrdersTheManualPageExample()
        {
            AssertAscending(ManualOrder);
        }

        [TestMethod]
        public void StrVersCmpOrdersGlibcsTestList()
        {
            AssertAscending(GlibcTestOrder);
        }

        [TestMethod]
        [DataRow("3.3.005", "3.3.006", -1)]
        [DataRow("3.3.005", "3.3.005-3-g3e67d4e6d", -1)]
        [DataRow("3.3.005-925-g3e67d4e6d", "3.3.005-928-g7f8b5d676", -1)]
        [DataRow("3.3.005-99-g3e67d4e6d", "3.3.005-100-g3e67d4e6d", -1)]
        [DataRow("3.3.006-9-g1aa1daff1", "3.3.006-10-g1aa1daff1", -1)]
        [DataRow("3.3.006-259-g1aa1daff1", "3.3.005-928-g7f8b5d676", 1)]
        [DataRow("3.2.016", "3.3.001", -1)]
        [DataRow("3.3.001", "3.3.001", 0)]
        [DataRow("1.9", "1.10", -1)]
        [DataRow("1.01", "1.1", -1)]
        [DataRow("1.001", "1.01", -1)]
        [DataRow("", "3.3.005", -1)]
        [DataRow("3.3.005", "", 1)]
        [DataRow("", "", 0)]
        public void StrVersCmpGivesTheSignGlibcGives(string a, string b, int sign)
        {
            Assert.AreEqual(sign, Sign(VersionComparer.StrVersCmp(a, b)), a + " vs " + b);
            Assert.AreEqual(-sign, Sign(VersionComparer.StrVersCmp(b, a)), b + " vs " + a);
        }

        [TestMethod]
        [DataRow("3.3.005-925-g3e67d4e6d-dirty/ota_1/edge (build idf v3.3.4-854-g9063c8662c May 13 2026 20:13:48, product v3.3-5)", "3.3.005-925-g3e67d4e6d", true)]
        [DataRow("3.3.005-925-g3e67d4e6d/ota_1/edge (build idf v3.3.4-854-g9063c8662c May 13 2026 20:13:48, product v3.3-5)", "3.3.005-925-g3e67d4e6d", false)]
        [DataRow("3.3.005/factory/main", "3.3.005", false)]
        [DataRow("3.3.005-dirty", "3.3.005", true)]
        [DataRow("3.3.005", "3.3.005", false)]
        [DataRow("", "", false)]
        public void CanonicaliseCutsAtDirtyElseAtTheFirstSlash(string version, string canonical, bool dirty)
        {
            bool wasDirty;
            Assert.AreEqual(canonical, VersionComparer.Canonicalise(version, out wasDirty));
            Assert.AreEqual(dirty, wasDirty);
        }

        [TestMethod]
        // server, running, OVMS compare sign
        [DataRow("3.3.006", "3.3.005/ota_0/main (build idf v3.3.4 Sep  7 2025 10:00:00, product v3.3-5)", 1)]
        [DataRow("3.3.005", "3.3.005/ota_0/main (build idf v3.3.4 Sep  7 2025 10:00:00, product v3.3-5)", 0)]
        [DataRow("3.3.005-928-g7f8b5d676", "3.3.005-925-g3e67d4e6d/ota_1/edge", 1)]
        [DataRow("3.3.005-3-g7f8b5d676", "3.3.005/ota_1/eap", 1)]
        [DataRow("3.3.005", "3.3.005-3-g7f8b5d676/ota_1/eap", -1)]
        [DataRow("3.3.005-925-g3e67d4e6d", "3.3.005-925-g3e67d4e6d-dirty/ota_1/edge (build idf x)", 1)]
        [DataRow("3.3.005-925-g3e67d4e6d-dirty", "3.3.005-925-g3e67d4e6d/ota_1/edge", 1)]
        [DataRow("3.3.005-925-g3e67d4e6d-dirty", "3.3.005-925-g3e67d4e6d-dirty/ota_1/edge", 0)]
        [DataRow("3.3.005-dirty", "3.3.006/ota_0/main", -1)]
        public void CompareFollowsOvms(string server, string running, int sign)
        {
            Assert.AreEqual(sign, Sign(VersionComparer.Compare(server, running)), server + " vs " + running);
            Assert.AreEqual(sign > 0, VersionComparer.IsNewer(server, running));
        }

        [TestMethod]
        [DataRow("3.3.005/ota_0/main")]
        [DataRow("")]
        [DataRow("-dirty")]
        public void AnEmptyServerVersionIsNeverNewer(string running)
        {
            Assert.IsFalse(VersionComparer.IsNewer("", running));
            Assert.IsFalse(VersionComparer.IsNewer(null, running));
        }

        static void AssertAscending(string[] order)
        {
            for (int i = 0; i < order.Length; i++)
            {
                Assert.AreEqual(0, VersionComparer.StrVersCmp(order[i], order[i]), order[i]);
                for (int j = i + 1; j < order.Length; j++)
                {
                    Assert.IsTrue(VersionComparer.StrVersCmp(order[i], order[j]) < 0, order[i] + " < " + order[j]);
                    Assert.IsTrue(VersionComparer.StrVersCmp(order[j], order[i]) > 0, order[j] + " > " + order[i]);
                }
            }
        }

        static int Sign(int value)
        {
            return value < 0 ? -1 : (value > 0 ? 1 : 0);
        }
    }
}

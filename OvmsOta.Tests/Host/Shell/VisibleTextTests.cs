using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.Ports;

namespace OvmsOta.Tests.Host.Shell
{
    /// <summary>The one helper every print of untrusted text goes through.</summary>
    [TestClass]
    public class VisibleTextTests
    {
        [TestMethod]
        [DataRow("a\u001bb", @"a\x1bb")]
        [DataRow("\u0007", @"\x07")]
        [DataRow("nul\u0000end", @"nul\x00end")]
        [DataRow("over\rwrite", @"over\x0dwrite")]
        [DataRow("del\u007f c1\u009b\u0080", @"del\x7f c1\x9b\x80")]
        [DataRow("two\nlines\tand a tab", "two\nlines\tand a tab")]
        [DataRow("3.3.005-925-g3e67d4e6d-dirty \u00e9", "3.3.005-925-g3e67d4e6d-dirty \u00e9")]
        [DataRow("", "")]
        public void ControlCharactersBecomeVisibleAndTheRestStays(string text, string visible)
        {
            Assert.AreEqual(visible, VisibleText.Of(text));
        }

        [TestMethod]
        public void PrintableTextIsReturnedAsIsAndNullStaysNull()
        {
            string plain = "Server Available:  3.3.006";
            Assert.AreSame(plain, VisibleText.Of(plain));
            Assert.IsNull(VisibleText.Of(null));
        }
    }
}

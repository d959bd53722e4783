using System;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.Rpc;

namespace OvmsOta.Tests.Host.Web
{
    /// <summary>The module's web page: one self-contained file, under its byte budget, compiled into Core as it is on disk.</summary>
    [TestClass]
    public class WebPageFileTests
    {
        /// <summary>What the page may cost the device: flash for the array and one 4 KB-buffered answer per load.</summary>
        public const int BudgetBytes = 12 * 1024;

        static string PagePath => Path.Combine(RepositoryPaths.Root, "OvmsOta.Core", "Rpc", "index.html");

        [TestMethod]
        public void TheCompiledPageIsTheFileOnDisk()
        {
            CollectionAssert.AreEqual(File.ReadAllBytes(PagePath), WebPage.Bytes,
                "OvmsOta.Core/Rpc/WebPage.cs is not index.html: run python3 .ci/sync-webpage");
        }

        [TestMethod]
        public void ThePageIsUnderItsBudget()
        {
            Console.WriteLine("web page: " + WebPage.Bytes.Length + " bytes of a " + BudgetBytes + "-byte budget");
            Assert.IsTrue(WebPage.Bytes.Length <= BudgetBytes, "the page has " + WebPage.Bytes.Length + " bytes, over its budget of " + BudgetBytes);
        }

        [TestMethod]
        public void ThePageFetchesNothingFromOutsideTheModule()
        {
            string page = Encoding.UTF8.GetString(WebPage.Bytes);
            foreach (string pattern in new[] { @"\bsrc\s*=", @"\bhref\s*=", @"@import", @"url\(", @"<link\b", @"\bfetch\(\s*['""]https?:",
                @"open\(\s*""[A-Z]+""\s*,\s*""https?:" })
                Assert.IsFalse(Regex.IsMatch(page, pattern, RegexOptions.IgnoreCase), "the page loads something (" + pattern + ")");
            StringAssert.Contains(page, "name=\"viewport\"", "no viewport: unreadable on a phone");
        }
    }
}

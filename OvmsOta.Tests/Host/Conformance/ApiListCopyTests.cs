using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

using OvmsOta.Tests.Host;

namespace OvmsOta.Tests.Host.Conformance
{
    /// <summary>The repository's copy of the API lists (so a fresh clone has them) matches ../shared when it is there.</summary>
    [TestClass]
    public class ApiListCopyTests
    {
        [TestMethod]
        public void The_copied_lists_equal_the_shared_lists()
        {
            string shared = RepositoryPaths.SharedOrNull;
            if (shared == null)
                Assert.Inconclusive("no ../shared beside the repository: nothing to compare the copy with");

            string source = Path.Combine(shared, "nanoframework-api");
            string copy = RepositoryPaths.InProject("OvmsOta.Tests", "Host", "Conformance", "nanoframework-api");
            var sourceFiles = Directory.GetFiles(source).Select(Path.GetFileName).OrderBy(f => f).ToList();
            var copyFiles = Directory.GetFiles(copy).Select(Path.GetFileName).OrderBy(f => f).ToList();

            CollectionAssert.AreEqual(sourceFiles, copyFiles, "files differ; copy ../shared/nanoframework-api/* to " + copy);
            foreach (var file in sourceFiles)
            {
                Assert.AreEqual(File.ReadAllText(Path.Combine(source, file)), File.ReadAllText(Path.Combine(copy, file)),
                    file + " differs from ../shared/nanoframework-api/" + file + "; copy it again");
            }
        }
    }
}

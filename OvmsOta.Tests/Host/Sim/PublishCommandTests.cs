using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.Simulation;
using OvmsOta.UpdateServer;
using OvmsOta.Simulator;
using OvmsOta.Simulator.UpdateServer;

namespace OvmsOta.Tests.Host.Sim
{
    /// <summary>`ovmsota publish`: the tree layout, the .ver text from the image itself, and refusals that change nothing.</summary>
    [TestClass]
    public class PublishCommandTests
    {
        static int Run(out string output, out string error, params string[] args)
        {
            var o = new StringWriter();
            var e = new StringWriter();
            int exit = Program.Run(args, o, e);
            output = o.ToString();
            error = e.ToString();
            return exit;
        }

        [TestMethod]
        public void PublishPutsTheImageAndAVerFileNamingItsOwnVersion()
        {
            using var temp = new TempFolder();
            byte[] image = new ImageBuilder("3.3.006-7-gabcdef12") { Size = 100_000 }.Build();
            File.WriteAllBytes(temp.File("fw.bin"), image);

            int exit = Run(out string output, out string error, "publish", temp.File("fw.bin"), "--server-dir", temp.File("srv"),
                "--product", "v3.3-5", "--tag", "edge", "--changelog", "Fixes the thing\nAnd another");

            Assert.AreEqual(0, exit, error);
            StringAssert.Contains(output, "Published 3.3.006-7-gabcdef12 (" + image.Length + " bytes)");
            CollectionAssert.AreEqual(image, File.ReadAllBytes(Path.Combine(temp.Path, "srv", "v3.3-5", "edge", "ovms3.bin")));
            Assert.AreEqual("3.3.006-7-gabcdef12\nFixes the thing\nAnd another\n",
                File.ReadAllText(Path.Combine(temp.Path, "srv", "v3.3-5", "edge", "ovms3.ver")));
            var parsed = OvmsOta.UpdateServer.VersionFile.Parse(File.ReadAllText(Path.Combine(temp.Path, "srv", "v3.3-5", "edge", "ovms3.ver")), "test");
            Assert.AreEqual("3.3.006-7-gabcdef12", parsed.Version);
        }

        [TestMethod]
        public void WithoutTheOvmsMarkerTheAppDescriptionVersionIsUsed()
        {
            using var temp = new TempFolder();
            File.WriteAllBytes(temp.File("fw.bin"), new ImageBuilder("custom-build-1") { OvmsMarker = false }.Build());

            Assert.AreEqual(0, Run(out _, out string error, "publish", temp.File("fw.bin"), "--server-dir", temp.File("srv"), "--tag", "main"), error);
            Assert.AreEqual("custom-build-1\n", File.ReadAllText(Path.Combine(temp.Path, "srv", "v3.3-5", "main", "ovms3.ver")));
        }

        [TestMethod]
        [DataRow("corrupt-byte", "not a valid app image")]
        [DataRow("truncated", "not a complete app image")]
        [DataRow("html", "not a valid app image")]
        [DataRow("trailing", "4 bytes after the image's end")]
        public void AnInvalidImageIsRefusedAndNothingIsWritten(string damage, string message)
        {
            using var temp = new TempFolder();
            byte[] image = new ImageBuilder("3.3.006") { Size = 50_000 }.Build();
            byte[] bad = damage switch
            {
                "corrupt-byte" => Corrupt(image, 30_000),
                "truncated" => image[..40_000],
                "html" => System.Text.Encoding.ASCII.GetBytes("<html><body>404 Not Found</body></html>"),
                _ => [.. image, 0, 0, 0, 0],
            };
            File.WriteAllBytes(temp.File("fw.bin"), bad);

            int exit = Run(out _, out string error, "publish", temp.File("fw.bin"), "--server-dir", temp.File("srv"), "--tag", "edge");

            Assert.AreEqual(1, exit);
            StringAssert.Contains(error, "Error: " + temp.File("fw.bin") + ": " + message);
            Assert.IsFalse(Directory.Exists(temp.File("srv")), "an invalid image must leave the tree untouched");
        }

        [TestMethod]
        public void AMissingFileAndAPathAsTagAreRefused()
        {
            using var temp = new TempFolder();
            File.WriteAllBytes(temp.File("fw.bin"), new ImageBuilder("3.3.006").Build());

            Assert.AreEqual(1, Run(out _, out string missing, "publish", temp.File("none.bin"), "--server-dir", temp.File("srv")));
            Assert.AreEqual(1, Run(out _, out string badTag, "publish", temp.File("fw.bin"), "--server-dir", temp.File("srv"), "--tag", "../x"));

            StringAssert.Contains(missing, "no such file");
            StringAssert.Contains(badTag, "--tag \"../x\" must be one folder name");
        }

        [TestMethod]
        public void TheDemoTreeHoldsThreeValidChannelsNewerThanTheInitialImage()
        {
            using var temp = new TempFolder();

            var published = DemoTree.Ensure(temp.Path, "v3.3-5");

            Assert.AreEqual(3, published.Count);
            foreach (var image in published)
            {
                Assert.IsTrue(OvmsOta.UpdateServer.VersionComparer.Compare(image.Version, DemoTree.InitialVersion) > 0, image.Version);
                Assert.IsTrue(image.Length > 300_000 && image.Length < 1_000_000, image.Length.ToString());
                StringAssert.StartsWith(File.ReadAllText(image.VersionFilePath), image.Version + "\n");
            }
        }

        static byte[] Corrupt(byte[] image, int at)
        {
            byte[] copy = (byte[])image.Clone();
            copy[at] ^= 0x55;
            return copy;
        }
    }
}

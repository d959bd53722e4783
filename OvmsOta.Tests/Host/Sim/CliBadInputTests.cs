using System;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.Partitions;
using OvmsOta.Simulator;
using OvmsOta.Simulator.Module;
using OvmsOta.Simulator.UpdateServer;

namespace OvmsOta.Tests.Host.Sim
{
    /// <summary>
    /// Every `ovmsota` verb answers a bad path or file with one line on standard error and a non-zero exit, never a stack
    /// trace; `image info` streams its file (constant memory) and reports data after the image.
    /// </summary>
    [TestClass]
    public class CliBadInputTests
    {
        const long TwoGigabytes = 2L << 30;

        sealed record Outcome(int Exit, string Output, string Error);

        static Outcome Run(params string[] args)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            int exit = Program.Run(args, output, error);
            return new Outcome(exit, output.ToString(), error.ToString());
        }

        /// <summary>A non-zero exit with exactly one line on standard error, containing expected, and no stack trace anywhere.</summary>
        static void AssertOneLineError(Outcome outcome, string expected)
        {
            string all = outcome.Output + outcome.Error;
            Assert.IsFalse(all.Contains("   at ") || all.Contains("Unhandled exception"), "a stack trace:\n" + all);
            Assert.AreNotEqual(0, outcome.Exit, all);
            string error = outcome.Error.TrimEnd('\r', '\n');
            Assert.IsFalse(error.Contains('\n'), "more than one line on standard error:\n" + outcome.Error);
            StringAssert.Contains(error, expected);
        }

        [TestMethod]
        public void ImageInfoStreamsAValidImageWithATwoGigabyteTailAndReportsTheTrailingData()
        {
            using var folder = new TempFolder();
            string path = folder.File("tail.bin");
            byte[] image = DemoTree.Build("3.3.001");
            using (var file = File.Create(path))
            {
                file.Write(image);
                file.SetLength(TwoGigabytes + image.Length); // sparse: the tail costs no disk
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            Outcome outcome = Run("image", "info", path);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.AreEqual(0, outcome.Exit, outcome.Error + outcome.Output);
            Assert.AreEqual("", outcome.Error);
            StringAssert.Contains(outcome.Output, "Image size: " + image.Length + " bytes");
            StringAssert.Contains(outcome.Output, "Trailing data: " + TwoGigabytes + " bytes after the image");
            StringAssert.Contains(outcome.Output, "OVMS version: 3.3.001");
            Assert.IsTrue(allocated < 16 << 20, "image info allocated " + allocated + " bytes for a 2 GB file");
        }

        [TestMethod]
        public void ImageMakeIntoAMissingFolderIsOneLine()
        {
            using var folder = new TempFolder();
            AssertOneLineError(Run("image", "make", "--version", "3.3.001", "-o", folder.File("missing/x.bin")), "missing/x.bin");
        }

        [TestMethod]
        public void ImageMakeOntoAFolderIsOneLineAndLeavesTheFolder()
        {
            using var folder = new TempFolder();
            string target = folder.File("a-folder");
            Directory.CreateDirectory(target);

            AssertOneLineError(Run("image", "make", "--version", "3.3.001", "-o", target), "a-folder");
            Assert.IsTrue(Directory.Exists(target));
        }

        [TestMethod]
        public void ImageMakeOntoAFullDeviceIsOneLineAndTheDeviceStays()
        {
            if (!File.Exists("/dev/full"))
                Assert.Inconclusive("no /dev/full on this system");

            AssertOneLineError(Run("image", "make", "--version", "3.3.001", "-o", "/dev/full"), "/dev/full");
            Assert.IsTrue(File.Exists("/dev/full"), "the failed write must not delete what it wrote to");
        }

        [TestMethod]
        public void SimOnAnEightKilobyteFileIsOneLine()
        {
            using var folder = new TempFolder();
            string flash = folder.File("flash.bin");
            File.WriteAllBytes(flash, new byte[8192]);

            AssertOneLineError(Sim(folder, flash), "8192 bytes");
        }

        [TestMethod]
        public void SimOnRandomSixteenMegabytesIsOneLine()
        {
            using var folder = new TempFolder();
            string flash = folder.File("flash.bin");
            byte[] noise = new byte[16 << 20];
            new Random(15).NextBytes(noise);
            File.WriteAllBytes(flash, noise);

            AssertOneLineError(Sim(folder, flash), "partition table");
        }

        [TestMethod]
        public void SimOnATwoGigabyteSparseFileIsOneLine()
        {
            using var folder = new TempFolder();
            string flash = folder.File("flash.bin");
            using (var file = File.Create(flash))
                file.SetLength(TwoGigabytes);

            AssertOneLineError(Sim(folder, flash), TwoGigabytes + " bytes");
        }

        [TestMethod]
        public void SimOnATableWithABadMd5IsOneLine()
        {
            using var folder = new TempFolder();
            string flash = folder.File("flash.bin");
            FlashImageFile.OpenOrCreate(flash, SimLayout.Modern, DemoTree.InitialVersion).Dispose();
            CorruptTableMd5(flash);

            AssertOneLineError(Sim(folder, flash), "MD5");
        }

        [TestMethod]
        public void EveryOtherVerbAnswersAMissingFileAndAFolderInOneLine()
        {
            using var folder = new TempFolder();
            string missing = folder.File("missing.bin");
            string directory = folder.File("a-folder");
            Directory.CreateDirectory(directory);
            foreach (string path in new[] { missing, directory })
            {
                AssertOneLineError(Run("partitions", path), Path.GetFileName(path));
                AssertOneLineError(Run("otadata", path), Path.GetFileName(path));
                AssertOneLineError(Run("boot", path), Path.GetFileName(path));
                AssertOneLineError(Run("image", "info", path), Path.GetFileName(path));
                AssertOneLineError(Run("publish", path, "--server-dir", folder.File("server"), "--product", "v3.3-5", "--tag", "edge"), Path.GetFileName(path));
            }
            AssertOneLineError(Run("serve", missing), "missing.bin"); // a folder is what serve serves
        }

        static Outcome Sim(TempFolder folder, string flash)
        {
            string script = folder.File("script.txt");
            File.WriteAllLines(script, new[] { "ota status nocheck" });
            return Run("sim", "--script", script, "--flash", flash, "--server-dir", folder.File("server"));
        }

        /// <summary>Flips a bit of the digest in the table's MD5 record (magic 0xEBEB).</summary>
        static void CorruptTableMd5(string path)
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
            byte[] entry = new byte[PartitionTable.EntrySize];
            for (int at = PartitionTable.DefaultOffset; at < PartitionTable.DefaultOffset + PartitionTable.MaxLength; at += entry.Length)
            {
                file.Position = at;
                file.ReadExactly(entry);
                if (entry[0] != 0xEB || entry[1] != 0xEB)
                    continue;
                file.Position = at + 16;
                file.WriteByte((byte)(entry[16] ^ 1));
                return;
            }
            Assert.Fail("the table has no MD5 record");
        }
    }
}

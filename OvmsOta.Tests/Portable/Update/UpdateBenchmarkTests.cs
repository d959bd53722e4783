#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using OvmsOta.Flash;
using OvmsOta.Image;
using OvmsOta.Update;

namespace OvmsOta.Tests.Portable.Update
{
    /// <summary>
    /// What the managed update path costs on the runtime it runs on (.NET here, nanoCLR, one day a module): whole
    /// updates with stubbed digests (native on the device), in ms per MB, beside a plain arithmetic loop that
    /// calibrates the runtime's speed, and the managed memory before and after. It prints figures and asserts only
    /// that the slot holds the image, never a time (machines are noisy; the figures are for people to compare).
    /// </summary>
    [TestClass]
    public class UpdateBenchmarkTests
    {
        /// <summary>Three updates of 384 KB: about 1 MB through the path, each image under nanoCLR's object limit.</summary>
        const int ImageSize = 0x60000;
        const int Updates = 3;
        const int CalibrationIterations = 200000;
        const long TicksPerMs = 10000;

        [TestMethod]
        public void ManagedUpdatePathPerMegabyteWithStubDigests()
        {
            UpdateRig rig = UpdateRig.Create();
            byte[] image = UpdateRig.Image(UpdateRig.NewVersion, ImageSize);
            StubDigests.Sign(image);
            StubDigests stubs = new StubDigests();
            OtaUpdater updater = new OtaUpdater(rig.Flash, rig.Table, rig.Ota0, new ImageValidator(stubs, stubs),
                new byte[OtaUpdater.DefaultBufferSize]);
            updater.Install(UpdateRig.Stream(image), image.Length); // warm-up: the JIT (host) and type loading, untimed
            long memoryBefore = ManagedMemory();

            long start = DateTime.UtcNow.Ticks;
            for (int i = 0; i < Updates; i++)
                updater.Install(UpdateRig.Stream(image), image.Length);
            long updateTicks = DateTime.UtcNow.Ticks - start;
            long memoryAfter = ManagedMemory();

            start = DateTime.UtcNow.Ticks;
            int calibration = Calibrate(CalibrationIterations);
            long calibrationTicks = DateTime.UtcNow.Ticks - start;

            AssertSlotHolds(rig, image);
            long megabyteTicks = updateTicks * 0x100000 / ((long)ImageSize * Updates);
            Print("update path, stub digests: " + Ms(megabyteTicks) + " ms per MB (" + Updates.ToString() + " updates of "
                + ImageSize.ToString() + " B, 4 KB chunks, simulated flash)");
            Print("calibration: " + Ms(calibrationTicks * (1000000 / CalibrationIterations)) + " ms per 10^6 loop iterations (result "
                + calibration.ToString() + ")");
            Print("managed memory: " + memoryBefore.ToString() + " B before the timed updates, " + memoryAfter.ToString() + " B after");
        }

        /// <summary>The plain arithmetic loop issue 19's table scales by: one multiply-add and a compare per iteration.</summary>
        static int Calibrate(int iterations)
        {
            int x = 1;
            for (int i = 0; i < iterations; i++)
                x = x * 31 + i;
            return x;
        }

        static void AssertSlotHolds(UpdateRig rig, byte[] image)
        {
            Assert.AreEqual(-1, FirstDifference(rig, image), "offset of the first byte of ota_1 that differs from the image");
            Assert.AreEqual("ota_1", rig.BootPartition().Label);
        }

        static int FirstDifference(UpdateRig rig, byte[] image)
        {
            byte[] piece = new byte[FlashGeometry.SectorSize];
            for (int offset = 0; offset < image.Length; offset += piece.Length)
            {
                int count = image.Length - offset < piece.Length ? image.Length - offset : piece.Length;
                rig.Flash.Read(rig.Ota1.Offset + offset, piece, 0, count);
                for (int i = 0; i < count; i++)
                    if (piece[i] != image[offset + i])
                        return offset + i;
            }
            return -1;
        }

        static string Ms(long ticks)
        {
            return (ticks / TicksPerMs).ToString() + "." + (ticks % TicksPerMs / 100).ToString("d2");
        }

#if NANOFRAMEWORK_1_0
        /// <summary>mscorlib has no memory query; nanoFramework.Runtime.Native.GC.Run(false) would, but this project does
        /// not reference that library (nor has the POSIX nanoCLR run here built it): -1 means unknown.</summary>
        static long ManagedMemory() { return -1; }

        static void Print(string line) { OutputHelper.WriteLine(line); }
#else
        /// <summary>Bytes the host's managed heap holds after a full collection.</summary>
        static long ManagedMemory() { return GC.GetTotalMemory(true); }

        static void Print(string line) { Console.WriteLine(line); }
#endif
    }
}

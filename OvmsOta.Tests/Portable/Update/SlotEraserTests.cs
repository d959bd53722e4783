#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using OvmsOta.Flash;
using OvmsOta.Simulation;
using OvmsOta.Update;

namespace OvmsOta.Tests.Portable.Update
{
    /// <summary>
    /// The erase units on their own, as `ota erase` and `ota copy` use them (<see cref="SlotEraser.Erase"/>): 64 KB
    /// blocks only where the mark is block-aligned and a whole block still lies within the range, 4 KB sectors
    /// elsewhere, nothing past the range's last sector; and an erase past that sector is refused before any erase.
    /// </summary>
    [TestClass]
    public class SlotEraserTests
    {
        private const int FlashSize = 0x100000;

        [TestMethod]
        [DataRow(0x10000, 0x21000, "B10000 B20000 S30000")]
        [DataRow(0x1E000, 0x13000, "S1e000 S1f000 B20000 S30000")]
        [DataRow(0x20000, 0x10000, "B20000")]
        [DataRow(0x20000, 0xE001, "S20000 S21000 S22000 S23000 S24000 S25000 S26000 S27000 S28000 S29000 S2a000 S2b000 S2c000 S2d000 S2e000")]
        [DataRow(0x20000, 1, "S20000")]
        public void ARangeIsErasedInBlocksWhereAlignedAndSectorsElsewhere(int address, int length, string units)
        {
            var recording = new RecordingFlash(new SimulatedFlash(FlashSize));

            SlotEraser.Erase(recording, address, length);

            Assert.AreEqual(units, Units(recording));
        }

        [TestMethod]
        public void EraseUpToStopsAtTheFirstUnitThatCoversTheEndAndRepeatsNothing()
        {
            var recording = new RecordingFlash(new SimulatedFlash(FlashSize));
            var eraser = new SlotEraser(recording, 0x20000, 0x20000);

            eraser.EraseUpTo(0x20001);
            eraser.EraseUpTo(0x30000);
            eraser.EraseUpTo(0x30000);

            Assert.AreEqual("B20000", Units(recording));
            Assert.AreEqual(0x30000, eraser.ErasedUpTo);
            Assert.AreEqual(0x40000, eraser.Limit);
        }

        [TestMethod]
        public void AnEndPastTheImagesLastSectorIsRefusedBeforeAnyErase()
        {
            var recording = new RecordingFlash(new SimulatedFlash(FlashSize));
            var eraser = new SlotEraser(recording, 0x20000, 0x1001);

            eraser.EraseUpTo(0x22000);
            Exception e = Expect.Throws(typeof(ArgumentOutOfRangeException), () => eraser.EraseUpTo(0x22001));

            Expect.Contains("erase up to 0x22001 goes past the image's last sector, which ends at 0x22000", e.Message);
            Assert.AreEqual("end", ((ArgumentException)e).ParamName);
            Assert.AreEqual("S20000 S21000", Units(recording));
        }

        [TestMethod]
        [DataRow(0, 0)]
        [DataRow(1, 0x1000)]
        [DataRow(0x1000, 0x1000)]
        [DataRow(0x1001, 0x2000)]
        public void AlignUpRoundsToTheNextMultiple(int value, int aligned)
        {
            Assert.AreEqual(aligned, SlotEraser.AlignUp(value, FlashGeometry.SectorSize));
        }

        /// <summary>"B20000 S30000": the erases in order, block or sector and address.</summary>
        private static string Units(RecordingFlash recording)
        {
            string units = "";
            for (int i = 0; i < recording.Count; i++)
                units += (i == 0 ? "" : " ") + recording.Kinds[i].ToString() + recording.Addresses[i].ToString("x");
            return units;
        }
    }
}

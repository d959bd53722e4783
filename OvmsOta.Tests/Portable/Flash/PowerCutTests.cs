#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.Flash;
using OvmsOta.Simulation;
using OvmsOta.Tests.Portable;

namespace OvmsOta.Tests.Portable.Flash
{
    [TestClass]
    public class PowerCutTests
    {
        private const int Sector = FlashGeometry.SectorSize;

        private static SimulatedFlash FlashWithOldSector(uint seed)
        {
            var flash = new SimulatedFlash(new MemorySectorStore(4 * Sector), seed);
            flash.Write(Sector, TestBytes.Filled(Sector, 0x00), 0, Sector);
            return flash;
        }

        private static byte[] ReadSector(SimulatedFlash flash, int address)
        {
            var data = new byte[Sector];
            flash.Read(address, data, 0, Sector);
            return data;
        }

        [TestMethod]
        public void ACutWriteThatIsDoneIsOnFlashAfterTheReboot()
        {
            var flash = new SimulatedFlash(Sector);
            flash.ArmPowerCut(2, PowerCutKind.Done);
            flash.Write(0, new byte[] { 1 }, 0, 1);
            Expect.Throws(typeof(PowerLossException), () => flash.Write(1, new byte[] { 2, 3 }, 0, 2));
            Assert.IsTrue(flash.IsPoweredOff);
            flash.Reboot();
            var back = new byte[3];
            flash.Read(0, back, 0, 3);
            TestBytes.AssertEqual(new byte[] { 1, 2, 3 }, back, "after reboot");
        }

        [TestMethod]
        public void ACutWriteThatIsNotDoneLeavesTheFlashAsBefore()
        {
            var flash = new SimulatedFlash(Sector);
            flash.ArmPowerCut(1, PowerCutKind.NotDone);
            Expect.Throws(typeof(PowerLossException), () => flash.Write(0, new byte[] { 1, 2 }, 0, 2));
            flash.Reboot();
            var back = new byte[2];
            flash.Read(0, back, 0, 2);
            TestBytes.AssertEqual(new byte[] { 0xFF, 0xFF }, back, "after reboot");
        }

        [TestMethod]
        public void EveryAccessAfterACutFailsUntilReboot()
        {
            var flash = new SimulatedFlash(Sector);
            flash.ArmPowerCut(1, PowerCutKind.Done);
            Expect.Throws(typeof(PowerLossException), () => flash.EraseSector(0));
            var buffer = new byte[1];
            Expect.Throws(typeof(PowerLossException), () => flash.Read(0, buffer, 0, 1));
            Expect.Throws(typeof(PowerLossException), () => flash.Write(0, buffer, 0, 1));
            Expect.Throws(typeof(PowerLossException), () => flash.EraseSector(0));
            flash.Reboot();
            Assert.IsFalse(flash.IsPoweredOff);
            flash.Read(0, buffer, 0, 1);
            flash.Write(0, buffer, 0, 1);
        }

        [TestMethod]
        public void ReadsDoNotCountTowardsACut()
        {
            var flash = new SimulatedFlash(Sector);
            flash.ArmPowerCut(1, PowerCutKind.NotDone);
            var buffer = new byte[4];
            for (int i = 0; i < 5; i++)
                flash.Read(0, buffer, 0, 4);
            Expect.Throws(typeof(PowerLossException), () => flash.Write(0, buffer, 0, 1));
        }

        [TestMethod]
        public void ATornWriteLeavesOnlyAPrefix()
        {
            int shortPrefixes = 0;
            for (uint seed = 1; seed <= 16; seed++)
            {
                var flash = new SimulatedFlash(new MemorySectorStore(Sector), seed);
                byte[] data = TestBytes.Filled(64, 0x00);
                flash.ArmPowerCut(1, PowerCutKind.Torn);
                Expect.Throws(typeof(PowerLossException), () => flash.Write(0, data, 0, 64));
                flash.Reboot();
                var back = new byte[64];
                flash.Read(0, back, 0, 64);
                int prefix = 0;
                while (prefix < 64 && back[prefix] == 0x00)
                    prefix++;
                for (int i = prefix; i < 64; i++)
                    Assert.AreEqual((byte)0xFF, back[i], "seed " + seed.ToString() + ": byte " + i.ToString() + " after a prefix of " + prefix.ToString());
                Assert.IsTrue(prefix < 64, "a torn write never completes");
                if (prefix < 32)
                    shortPrefixes++;
            }
            Assert.IsTrue(shortPrefixes > 0 && shortPrefixes < 16, "prefix lengths vary with the seed");
        }

        [TestMethod]
        public void ATornEraseLeavesErasedThenGarbageThenOldBytes()
        {
            int mixed = 0;
            for (uint seed = 1; seed <= 16; seed++)
            {
                SimulatedFlash flash = FlashWithOldSector(seed);
                flash.ArmPowerCut(1, PowerCutKind.Torn);
                Expect.Throws(typeof(PowerLossException), () => flash.EraseSector(Sector));
                flash.Reboot();
                byte[] data = ReadSector(flash, Sector);
                int erasedEnd = 0;
                while (erasedEnd < Sector && data[erasedEnd] == 0xFF)
                    erasedEnd++;
                int oldStart = Sector;
                while (oldStart > erasedEnd && data[oldStart - 1] == 0x00)
                    oldStart--;
                if (erasedEnd > 0 && oldStart < Sector && oldStart > erasedEnd)
                    mixed++;
            }
            Assert.IsTrue(mixed > 0, "some seeds give an erased part, garbage and an old part");
        }

        [TestMethod]
        public void ATornBlockEraseErasesTheSectorsBeforeTheTornOneOnly()
        {
            var flash = new SimulatedFlash(new MemorySectorStore(FlashGeometry.BlockSize), 7);
            for (int s = 0; s < 16; s++)
                flash.Write(s * Sector, TestBytes.Filled(Sector, 0x00), 0, Sector);
            flash.ArmPowerCut(1, PowerCutKind.Torn);
            Expect.Throws(typeof(PowerLossException), () => flash.EraseBlock(0));
            flash.Reboot();
            int state = 0; // 0 erased sectors, 1 the torn one seen, 2 old sectors
            for (int s = 0; s < 16; s++)
            {
                byte[] data = ReadSector(flash, s * Sector);
                bool erased = Erased.IsErased(data, 0, Sector);
                bool old = data[0] == 0 && data[Sector - 1] == 0 && TestBytesAllZero(data);
                if (state == 0 && !erased)
                    state = 1;
                else if (state == 1)
                {
                    Assert.IsTrue(old, "sector " + s.ToString() + " after the torn one keeps its data");
                    state = 2;
                }
                else if (state == 2)
                    Assert.IsTrue(old, "sector " + s.ToString() + " keeps its data");
            }
        }

        [TestMethod]
        public void ACutEraseThatIsDoneOrNotDoneIsAllOrNothing()
        {
            SimulatedFlash done = FlashWithOldSector(1);
            done.ArmPowerCut(1, PowerCutKind.Done);
            Expect.Throws(typeof(PowerLossException), () => done.EraseSector(Sector));
            done.Reboot();
            Assert.IsTrue(Erased.IsErased(ReadSector(done, Sector), 0, Sector));

            SimulatedFlash notDone = FlashWithOldSector(1);
            notDone.ArmPowerCut(1, PowerCutKind.NotDone);
            Expect.Throws(typeof(PowerLossException), () => notDone.EraseSector(Sector));
            notDone.Reboot();
            Assert.IsTrue(TestBytesAllZero(ReadSector(notDone, Sector)));
        }

        private static bool TestBytesAllZero(byte[] data)
        {
            foreach (byte b in data)
                if (b != 0)
                    return false;
            return true;
        }
    }
}

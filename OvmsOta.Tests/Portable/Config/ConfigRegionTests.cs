#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using System.Text;
using OvmsOta.Config;
using OvmsOta.Flash;
using OvmsOta.Simulation;

namespace OvmsOta.Tests.Portable.Config
{
    /// <summary>The two-copy format on flash: which copy is read, where a write goes, what a bad copy is.</summary>
    [TestClass]
    public class ConfigRegionTests
    {
        private const int RegionAt = 0x6000;

        private static SimulatedFlash SmallFlash()
        {
            return new SimulatedFlash(0x10000);
        }

        [TestMethod]
        public void ABlankRegionHasNoCopyAndNoWarning()
        {
            var region = new ConfigRegion(SmallFlash(), RegionAt, ConfigRegion.DefaultCopySize);
            ConfigRegionState state = region.Read();
            Assert.AreEqual(ConfigRegionState.NoCopy, state.ActiveCopy);
            Assert.AreEqual(ConfigCopyState.Blank, state.StateOf(0));
            Assert.AreEqual(ConfigCopyState.Blank, state.StateOf(1));
            Assert.AreEqual(0, state.Payload.Length);
            Assert.IsNull(state.Warning);
            Assert.AreEqual(4096 - 20, region.Capacity);
        }

        [TestMethod]
        public void WritesAlternateBetweenTheCopiesWithARisingSequenceAndOneEraseAndOneWriteEach()
        {
            SimulatedFlash flash = SmallFlash();
            var region = new ConfigRegion(flash, RegionAt, ConfigRegion.DefaultCopySize);
            FlashOpCounts copy0 = flash.Counters.AddRange("copy 0", region.CopyAddress(0), region.CopySize);
            FlashOpCounts copy1 = flash.Counters.AddRange("copy 1", region.CopyAddress(1), region.CopySize);
            for (int n = 1; n <= 5; n++)
            {
                flash.Counters.Clear();
                byte[] payload = Encoding.UTF8.GetBytes("value " + n.ToString());
                Assert.AreEqual((uint)n, region.Write(payload, payload.Length));
                int target = (n - 1) % 2;
                FlashOpCounts written = target == 0 ? copy0 : copy1;
                FlashOpCounts untouched = target == 0 ? copy1 : copy0;
                Assert.AreEqual(1, written.SectorErases, "write " + n.ToString());
                Assert.AreEqual(1, written.Writes, "write " + n.ToString());
                Assert.AreEqual(0, untouched.Changes, "write " + n.ToString() + " must not touch the copy in use");
                Assert.AreEqual(2, flash.Counters.Total.Changes);

                ConfigRegionState state = new ConfigRegion(flash, RegionAt, ConfigRegion.DefaultCopySize).Read();
                Assert.AreEqual(target, state.ActiveCopy);
                Assert.AreEqual((uint)n, state.Seq);
                Assert.AreEqual("value " + n.ToString(), Encoding.UTF8.GetString(state.Payload, 0, state.Payload.Length));
            }
        }

        [TestMethod]
        public void AGarbledCopyBesideAValidOneIsIgnoredWithoutAWarning()
        {
            SimulatedFlash flash = SmallFlash();
            var region = new ConfigRegion(flash, RegionAt, ConfigRegion.DefaultCopySize);
            byte[] payload = Encoding.UTF8.GetBytes("kept");
            region.Write(payload, payload.Length);
            ConfigFlash.Garble(flash, region, 1, 7);
            ConfigRegionState state = region.Read();
            Assert.AreEqual(0, state.ActiveCopy);
            Assert.AreEqual(ConfigCopyState.Damaged, state.StateOf(1));
            Assert.IsNull(state.Warning);
            Assert.AreEqual(4, state.Payload.Length);
        }

        [TestMethod]
        public void TwoGarbledCopiesGiveNoCopyAndAWarningNamingBoth()
        {
            SimulatedFlash flash = SmallFlash();
            var region = new ConfigRegion(flash, RegionAt, ConfigRegion.DefaultCopySize);
            ConfigFlash.Garble(flash, region, 0, 3);
            ConfigFlash.Garble(flash, region, 1, 4);
            ConfigRegionState state = region.Read();
            Assert.AreEqual(ConfigRegionState.NoCopy, state.ActiveCopy);
            Assert.IsNotNull(state.Warning);
            Expect.Contains("Warning: no valid configuration in the config store at 0x6000", state.Warning);
            Expect.Contains("copy 0 at 0x6000: magic 0x", state.Warning);
            Expect.Contains("copy 1 at 0x7000: magic 0x", state.Warning);
        }

        // Copies made by hand from the documented format, to pin it independently of the writer.
        [TestMethod]
        [DataRow(1u, 2u, 1)]
        [DataRow(2u, 1u, 0)]
        [DataRow(5u, 5u, 0)]
        [DataRow(0xFFFFFFFFu, 0u, 1)]
        [DataRow(0u, 0xFFFFFFFFu, 0)]
        [DataRow(0xFFFFFFFEu, 0xFFFFFFFFu, 1)]
        public void TheValidCopyWithTheLaterSequenceWinsAcrossWrapAround(uint seq0, uint seq1, int expected)
        {
            SimulatedFlash flash = SmallFlash();
            var region = new ConfigRegion(flash, RegionAt, ConfigRegion.DefaultCopySize);
            PutCopy(flash, region.CopyAddress(0), ConfigRegion.FormatVersion, seq0, "zero");
            PutCopy(flash, region.CopyAddress(1), ConfigRegion.FormatVersion, seq1, "one");
            ConfigRegionState state = region.Read();
            Assert.AreEqual(expected, state.ActiveCopy);
            Assert.AreEqual(expected == 0 ? "zero" : "one", Encoding.UTF8.GetString(state.Payload, 0, state.Payload.Length));
            // The next write goes into the other copy with the next sequence.
            Assert.AreEqual((expected == 0 ? seq0 : seq1) + 1, region.Write(new byte[0], 0));
            Assert.AreEqual(1 - expected, region.Read().ActiveCopy);
        }

        [TestMethod]
        public void ACopyOfAnotherFormatVersionIsDamagedAndTheOtherOneIsUsed()
        {
            SimulatedFlash flash = SmallFlash();
            var region = new ConfigRegion(flash, RegionAt, ConfigRegion.DefaultCopySize);
            PutCopy(flash, region.CopyAddress(0), ConfigRegion.FormatVersion, 3, "old");
            PutCopy(flash, region.CopyAddress(1), 2, 4, "newer format");
            ConfigRegionState state = region.Read();
            Assert.AreEqual(0, state.ActiveCopy);
            Assert.AreEqual("format version 0x00000002, expected 0x00000001", state.ProblemOf(1));
        }

        [TestMethod]
        public void ACopyWithAFlippedPayloadBitFailsItsCrc()
        {
            SimulatedFlash flash = SmallFlash();
            var region = new ConfigRegion(flash, RegionAt, ConfigRegion.DefaultCopySize);
            byte[] payload = Encoding.UTF8.GetBytes("ota\tauto.hour\t5\n");
            region.Write(payload, payload.Length);
            flash.Write(region.CopyAddress(0) + ConfigRegion.HeaderSize + 14, new byte[] { 0x30 }, 0, 1);   // '5' (0x35) -> '0'
            ConfigRegionState state = region.Read();
            Assert.AreEqual(ConfigRegionState.NoCopy, state.ActiveCopy);
            Expect.Contains("CRC 0x", state.ProblemOf(0));
        }

        [TestMethod]
        [DataRow(0x6100, 0x1000, "config region at 0x6100 is not aligned to 0x1000")]
        [DataRow(0x6000, 100, "config copy size must be a positive multiple of 0x1000, got 0x64")]
        [DataRow(0x6000, 0, "config copy size must be a positive multiple of 0x1000, got 0x0")]
        [DataRow(0xF000, 0x1000, "config region 0xf000+0x2000 does not fit a flash of 0x10000 bytes")]
        public void ARegionThatDoesNotFitIsRefused(int address, int copySize, string message)
        {
            SimulatedFlash flash = SmallFlash();

            Exception e = Expect.Throws(typeof(ArgumentException), () => new ConfigRegion(flash, address, copySize));

            Assert.AreEqual(message, e.Message);
        }

        [TestMethod]
        public void TheRegionMayStartAtTheFlashsFirstByteAndEndAtItsLast()
        {
            SimulatedFlash flash = SmallFlash();
            Assert.AreEqual(0, new ConfigRegion(flash, 0, 0x1000).Address);
            Assert.AreEqual(0xE000, new ConfigRegion(flash, 0xE000, 0x1000).Address);
            Assert.AreEqual("flash", ((ArgumentException)Expect.Throws(typeof(ArgumentNullException), () => new ConfigRegion(null, 0, 0x1000))).ParamName);
            Assert.AreEqual("table", ((ArgumentException)Expect.Throws(typeof(ArgumentNullException), () => ConfigRegion.InStore(flash, null))).ParamName);
        }

        [TestMethod]
        [DataRow(2)]
        [DataRow(-1)]
        public void ThereAreOnlyCopiesZeroAndOne(int copy)
        {
            var region = new ConfigRegion(SmallFlash(), RegionAt, ConfigRegion.DefaultCopySize);

            Exception e = Expect.Throws(typeof(ArgumentOutOfRangeException), () => region.CopyAddress(copy));

            Expect.Contains("the config region has copies 0 and 1, not " + copy.ToString(), e.Message);
            Assert.AreEqual("copy", ((ArgumentException)e).ParamName);
        }

        [TestMethod]
        public void APayloadFillingTheCopyIsKeptAndOneByteMoreIsRefused()
        {
            SimulatedFlash flash = SmallFlash();
            var region = new ConfigRegion(flash, RegionAt, 0x1000);
            Assert.AreEqual(0x1000 - ConfigRegion.HeaderSize, region.Capacity);

            Exception e = Expect.Throws(typeof(ArgumentException), () => region.Write(new byte[5000], region.Capacity + 1));
            Assert.AreEqual("config payload of 4077 bytes does not fit a copy (at most 4076)", e.Message);
            Assert.AreEqual(0, flash.Counters.Total.Changes);

            region.Write(new byte[region.Capacity], region.Capacity);
            ConfigRegionState state = region.Read();
            Assert.AreEqual(ConfigCopyState.Valid, state.StateOf(0));
            Assert.AreEqual(region.Capacity, state.Payload.Length);
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        public void TheOnlyValidCopyIsUsedWhateverItsSequence(int copy)
        {
            SimulatedFlash flash = SmallFlash();
            var region = new ConfigRegion(flash, RegionAt, ConfigRegion.DefaultCopySize);
            PutCopy(flash, region.CopyAddress(copy), ConfigRegion.FormatVersion, 0x80000001u, "late");
            ConfigFlash.Garble(flash, region, 1 - copy, 5);

            ConfigRegionState state = region.Read();

            Assert.AreEqual(copy, state.ActiveCopy);
            Assert.AreEqual(0x80000001u, state.Seq);
        }

        [TestMethod]
        public void ABlankCopyBesideADamagedOneStillWarns()
        {
            SimulatedFlash flash = SmallFlash();
            var region = new ConfigRegion(flash, RegionAt, ConfigRegion.DefaultCopySize);
            ConfigFlash.Garble(flash, region, 1, 4);

            ConfigRegionState state = region.Read();

            Assert.AreEqual(ConfigRegionState.NoCopy, state.ActiveCopy);
            Assert.AreEqual(ConfigCopyState.Blank, state.StateOf(0));
            Expect.Contains("copy 1 at 0x7000: magic 0x", state.Warning);
        }

        [TestMethod]
        public void LargerCopiesSpanSeveralSectorsAndEraseEachOne()
        {
            SimulatedFlash flash = SmallFlash();
            var region = new ConfigRegion(flash, 0x4000, 0x2000);
            byte[] payload = new byte[6000];
            for (int i = 0; i < payload.Length; i++)
                payload[i] = (byte)('a' + i % 26);
            region.Write(payload, payload.Length);
            Assert.AreEqual(2, flash.Counters.Total.SectorErases);
            Assert.AreEqual(6000, new ConfigRegion(flash, 0x4000, 0x2000).Read().Payload.Length);
            region.Write(payload, payload.Length);
            ConfigRegionState state = region.Read();
            Assert.AreEqual(1, state.ActiveCopy);
            Assert.AreEqual(ConfigCopyState.Valid, state.StateOf(0), "writing copy 1 erased only its own sectors");
        }

        /// <summary>header (magic, version, seq, length, CRC-32 of header[0..16) + payload) + payload, written raw.</summary>
        private static void PutCopy(SimulatedFlash flash, int address, uint version, uint seq, string text)
        {
            byte[] payload = Encoding.UTF8.GetBytes(text);
            var copy = new byte[20 + payload.Length];
            LittleEndian.WriteUInt32(copy, 0, 0x4746434F);
            LittleEndian.WriteUInt32(copy, 4, version);
            LittleEndian.WriteUInt32(copy, 8, seq);
            LittleEndian.WriteUInt32(copy, 12, (uint)payload.Length);
            Array.Copy(payload, 0, copy, 20, payload.Length);
            var crcInput = new byte[16 + payload.Length];
            Array.Copy(copy, 0, crcInput, 0, 16);
            Array.Copy(payload, 0, crcInput, 16, payload.Length);
            LittleEndian.WriteUInt32(copy, 16, Crc32.Compute(crcInput, 0, crcInput.Length));
            flash.EraseSector(address);
            flash.Write(address, copy, 0, copy.Length);
        }
    }
}

#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using OvmsOta.Flash;
using OvmsOta.Image;
using OvmsOta.Partitions;
using OvmsOta.Simulation;
using OvmsOta.Tests.Portable;
using OvmsOta.Tests.Portable.Flash;

namespace OvmsOta.Tests.Portable.Partitions
{
    [TestClass]
    public class PartitionTableTests
    {
        private const int Flash16M = FlashGeometry.DeviceSize;

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        [DataRow(2)]
        public void EveryCsvVectorMakesItsBinaryByteForByte(int vector)
        {
            PartitionTable table = PartitionCsv.Parse(Csv(vector), Flash16M);
            TestBytes.AssertEqual(PartitionVectors.Binary(Hex(vector)), table.ToBinary(), "binary of vector " + vector.ToString());
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        [DataRow(2)]
        public void EveryBinaryVectorParsesBackToTheSameTable(int vector)
        {
            byte[] binary = PartitionVectors.Binary(Hex(vector));
            PartitionTable parsed = PartitionTable.FromBinary(binary, 0, binary.Length, Flash16M);
            PartitionTable fromCsv = PartitionCsv.Parse(Csv(vector), Flash16M);
            Assert.AreEqual(fromCsv.Count, parsed.Count);
            for (int i = 0; i < parsed.Count; i++)
                Assert.IsTrue(fromCsv[i].SameAs(parsed[i]), "entry " + i.ToString() + ": " + parsed[i].ToString());
            TestBytes.AssertEqual(binary, parsed.ToBinary(), "rewritten binary");
        }

        [TestMethod]
        public void TheOvmsTableHasTheEntriesOfTheReference()
        {
            byte[] binary = PartitionVectors.Binary(PartitionVectors.OvmsHex);
            PartitionTable table = PartitionTable.FromBinary(binary, 0, binary.Length, Flash16M);
            Assert.AreEqual(6, table.Count);
            PartitionEntry ota1 = table.Find("ota_1");
            Assert.AreEqual(0x710000, ota1.Offset);
            Assert.AreEqual(0x700000, ota1.Size);
            Assert.AreEqual(1, ota1.OtaIndex);
            Assert.IsTrue(table.OtaSlot(1) == ota1);
            Assert.AreEqual(2, table.OtaSlotCount);
            Assert.IsNull(table.Factory);
            Assert.AreEqual(0xd000, table.OtaData.Offset);
            Assert.AreEqual(0xe10000, table.Store.Offset);
            Assert.AreEqual(Flash16M, table.Store.End);
            Assert.IsTrue(table.Find(PartitionTypes.Data, PartitionTypes.DataPhy) == table.Find("phy_init"));
            Assert.IsTrue(table.At(0x800000) == ota1);
            Assert.IsNull(table.At(0x8000));
            Assert.AreEqual("data", table[0].TypeName);
            Assert.AreEqual("nvs", table[0].SubtypeName);
        }

        [TestMethod]
        public void ABadMagicIsReportedWithItsOffset()
        {
            byte[] binary = PartitionVectors.Binary(PartitionVectors.OvmsHex);
            binary[0x40] = 0x55;
            Exception e = Expect.Throws(typeof(PartitionTableException), () => PartitionTable.FromBinary(binary, 0, binary.Length, Flash16M));
            Expect.Contains("Invalid magic bytes (0x5055)", e.Message);
            Expect.Contains("offset 0x40", e.Message);
        }

        [TestMethod]
        public void AnEntryChangedAfterTheMd5WasMadeFailsTheMd5Check()
        {
            byte[] binary = PartitionVectors.Binary(PartitionVectors.OvmsHex);
            binary[0x68] = 0x80; // ota_0 size 0x700000 -> 0x800000
            Exception e = Expect.Throws(typeof(PartitionTableException), () => PartitionTable.FromBinary(binary, 0, binary.Length, Flash16M));
            Expect.Contains("MD5 checksums don't match! (computed: 0x", e.Message);
            Expect.Contains("parsed: 0x520877a00f2b1f7506844246b950ab23", e.Message);
        }

        [TestMethod]
        public void ATableWithoutEndMarkerOrWithTwoMd5RecordsIsRejected()
        {
            byte[] full = PartitionVectors.Binary("");
            for (int i = 0; i < 0xC00; i += 32)
                Array.Copy(PartitionVectors.Binary(PartitionVectors.OvmsHex), 0, full, i, 32);
            Expect.Contains("missing an end-of-table marker",
                Expect.Throws(typeof(PartitionTableException), () => PartitionTable.FromBinary(full, 0, full.Length, Flash16M)).Message);

            byte[] twice = PartitionVectors.Binary(PartitionVectors.OvmsHex);
            Array.Copy(twice, 0xC0, twice, 0xE0, 32);
            Expect.Contains("Only one MD5 checksum is allowed",
                Expect.Throws(typeof(PartitionTableException), () => PartitionTable.FromBinary(twice, 0, twice.Length, Flash16M)).Message);
        }

        [TestMethod]
        public void APartitionBeyondTheChipIsRejectedAsTheBootloaderDoes()
        {
            byte[] binary = PartitionVectors.Binary(PartitionVectors.OvmsHex);
            Exception e = Expect.Throws(typeof(PartitionTableException), () => PartitionTable.FromBinary(binary, 0, binary.Length, 8 * 1024 * 1024));
            Assert.AreEqual("partition 4 invalid - offset 0x710000 size 0x700000 exceeds flash chip size 0x800000", e.Message);
        }

        [TestMethod]
        public void ATableIsReadFromAndWrittenToFlashAt0x8000()
        {
            var flash = new SimulatedFlash(Flash16M);
            PartitionCsv.Parse(PartitionVectors.OvmsCsv, Flash16M).WriteTo(flash, PartitionTable.DefaultOffset);
            Assert.AreEqual(1, flash.Counters.Total.SectorErases);
            Assert.AreEqual(1, flash.Counters.Total.Writes);
            PartitionTable back = PartitionTable.ReadFrom(flash, PartitionTable.DefaultOffset);
            TestBytes.AssertEqual(PartitionVectors.Binary(PartitionVectors.OvmsHex), back.ToBinary(), "table read back");
        }

        [TestMethod]
        public void ABadTableOnFlashIsReportedWithoutAnyWrite()
        {
            var flash = new SimulatedFlash(Flash16M);
            byte[] binary = PartitionVectors.Binary(PartitionVectors.OvmsHex);
            binary[0x70] ^= 1;
            flash.Write(PartitionTable.DefaultOffset, binary, 0, binary.Length);
            flash.Counters.Clear();
            Expect.Throws(typeof(PartitionTableException), () => PartitionTable.ReadFrom(flash, PartitionTable.DefaultOffset));
            Assert.AreEqual(0, flash.Counters.Total.Changes);
            var blank = new SimulatedFlash(Flash16M);
            PartitionTable none = PartitionTable.ReadFrom(blank, PartitionTable.DefaultOffset);
            Assert.AreEqual(0, none.Count);
        }

        [TestMethod]
        public void WritingAnInvalidTableChangesNothingOnFlash()
        {
            var flash = new SimulatedFlash(Flash16M);
            var entries = new PartitionEntry[]
            {
                new PartitionEntry("a", PartitionTypes.App, 0x10, 0x10000, 0x100000, 0),
                new PartitionEntry("a", PartitionTypes.App, 0x11, 0x110000, 0x100000, 0),
            };
            Exception e = Expect.Throws(typeof(PartitionTableException), () => new PartitionTable(entries).WriteTo(flash, PartitionTable.DefaultOffset));
            Assert.AreEqual("Partition names must be unique", e.Message);
            Assert.AreEqual(0, flash.Counters.Total.Changes);
        }

        [TestMethod]
        public void LongLabelsAreTruncatedTo16BytesWithoutNul()
        {
            var table = new PartitionTable(new PartitionEntry[] { new PartitionEntry("a_very_long_partition_name", 1, 0x81, 0x9000, 0x1000, 0) });
            byte[] binary = table.ToBinary();
            PartitionTable back = PartitionTable.FromBinary(binary, 0, binary.Length, Flash16M);
            Assert.AreEqual("a_very_long_part", back[0].Label);
        }

        private static string Csv(int vector)
        {
            return vector == 0 ? PartitionVectors.OvmsCsv : vector == 1 ? PartitionVectors.FactoryCsv : PartitionVectors.TwoOtaCsv;
        }

        private static string Hex(int vector)
        {
            return vector == 0 ? PartitionVectors.OvmsHex : vector == 1 ? PartitionVectors.FactoryHex : PartitionVectors.TwoOtaHex;
        }
    }
}

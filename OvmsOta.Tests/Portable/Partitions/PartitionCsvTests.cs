#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.Flash;
using OvmsOta.Partitions;
using OvmsOta.Simulation;
using OvmsOta.Tests.Portable;

namespace OvmsOta.Tests.Portable.Partitions
{
    [TestClass]
    public class PartitionCsvTests
    {
        private const int Flash16M = FlashGeometry.DeviceSize;

        // The texts gen_esp32part.py v5.5.5 printed for these tables (reference esp-idf.md section 6), plus its other checks.
        [TestMethod]
        [DataRow("nvs,data,nvs,0x9000,0x4000\notadata,data,ota,0xd000,0x2000\nota_0,app,ota_0,0x10000,1M\nota_1,app,ota_1,0x100000,1M",
            "CSV Error at line 4: Partitions overlap. Partition sets offset 0x100000. Previous partition ends 0x110000")]
        [DataRow("nvs,data,nvs,0x8000,0x4000",
            "CSV Error at line 1: Partitions overlap. Partition sets offset 0x8000. But partition table occupies the whole sector 0x8000. Use a free offset 0x9000 or higher.")]
        [DataRow("nvs,data,nvs,,0x4000\nota_0,app,ota_0,0x18000,1M", "Partition ota_0 invalid: Offset 0x18000 is not aligned to 0x10000")]
        [DataRow("ota_0,app,ota_0,0x10000,0x100800", "Partition ota_0 invalid: Size 0x100800 is not aligned to 0x1000")]
        [DataRow("nvs,data,nvs,0x9800,0x4000", "Partition nvs invalid: Offset 0x9800 is not aligned to 0x1000")]
        [DataRow("ota_0,app,ota_0,,1M\nota_0,app,ota_1,,1M", "Partition names must be unique")]
        [DataRow("otadata,data,ota,,0x1000", "otadata partition must have size = 0x2000")]
        [DataRow("otadata,data,ota,,0x2000\notadata2,data,ota,,0x2000",
            "Found multiple otadata partitions. Only one partition can be defined with type=\"data\"(1) and subtype=\"ota\"(0).")]
        [DataRow("a,data,fat,0x30000,-0x2C000\nb,data,fat,0x2C000,0x8000", "Partition at 0x30000 overlaps 0x2c000-0x33fff")]
        [DataRow("ota_0,app,ota_0,,8M\nota_1,app,ota_1,,8M",
            "Partitions tables occupies 16.1MB of flash (16842752 bytes) which does not fit in configured flash size 16MB. Change the flash size in menuconfig under the 'Serial Flasher Config' menu.")]
        [DataRow("nvs,data,nvs,,0x2000", "Partition nvs invalid: 'nvs' partition of type 1 and subtype 2 of this size (0x2000) must be flagged as 'readonly' (the size of read/write NVS has to be at least 0x3000)")]
        [DataRow("otadata,data,ota,,0x2000,readonly", "Partition otadata invalid: 'otadata' partition of type 1 and subtype 0 is always read-write and cannot be read-only")]
        [DataRow("# comment\n\nnvs,,nvs,,0x4000", "Error at line 3: Field 'type' can't be left empty.")]
        [DataRow("ota_0,app,,,1M", "Error at line 1: App partition cannot have an empty subtype")]
        [DataRow("nvs,data,nvs,,", "Error at line 1: Size field can't be empty")]
        [DataRow("store,data,fat,,1.9M", "Error at line 1: Invalid field value 1.9")]
        [DataRow("store,data,fat,,0x", "Error at line 1: Invalid field value 0x")]
        [DataRow("store,data,fat,,010", "Error at line 1: Invalid field value 010")]
        [DataRow("store,data,fat,,1M,secret", "Error at line 1: CSV flag column contains unknown flag 'secret'")]
        [DataRow("store,bin,fat,,1M", "Error at line 1: Value 'bin' is not valid. Known keywords: app, data, bootloader, partition_table")]
        [DataRow("store,data,fatfs,,1M", "Error at line 1: Value 'fatfs' is not valid. Known keywords: ota, phy, nvs, coredump, nvs_keys, efuse, undefined, esphttpd, fat, spiffs, littlefs")]
        [DataRow("$FLASH_SIZE,data,fat,,1M", "unknown variable 'FLASH_SIZE'")]
        public void ABadCsvGivesGenEsp32PartsError(string csv, string expected)
        {
            var e = Expect.Throws(typeof(PartitionTableException), () => PartitionCsv.Parse(csv, Flash16M));
            Assert.AreEqual(expected, e.Message);
        }

        [TestMethod]
        [DataRow("0x10000", 0x10000)]
        [DataRow("65536", 0x10000)]
        [DataRow("64K", 0x10000)]
        [DataRow("64k", 0x10000)]
        [DataRow("0x40k", 0x10000)]
        [DataRow("0o200000", 0x10000)]
        [DataRow("0b10000000000000000", 0x10000)]
        [DataRow("65_536", 0x10000)]
        [DataRow("0x_1_0000", 0x10000)]
        [DataRow("1M", 0x100000)]
        [DataRow("1m", 0x100000)]
        public void SizesAreReadAsPythonIntsWithKAndMSuffixes(string size, int expected)
        {
            PartitionTable table = PartitionCsv.Parse("store,data,fat,0x10000," + size, Flash16M);
            Assert.AreEqual(expected, table[0].Size);
        }

        [TestMethod]
        public void EmptyOffsetsFollowThePreviousPartitionAligned()
        {
            PartitionTable table = PartitionCsv.Parse("nvs,data,nvs,,0x5000\nphy,data,phy,,0x800\nfactory,app,factory,,1M\nstore,data,fat,,4K", Flash16M);
            Assert.AreEqual(0x9000, table[0].Offset);
            Assert.AreEqual(0xe000, table[1].Offset);
            Assert.AreEqual(0x10000, table[2].Offset);
            Assert.AreEqual(0x110000, table[3].Offset);
        }

        [TestMethod]
        public void ANegativeSizeEndsThePartitionAtThatAddress()
        {
            PartitionTable table = PartitionCsv.Parse("store,data,fat,0xe10000,-0x1000000", Flash16M);
            Assert.AreEqual(0x1f0000, table[0].Size);
        }

        [TestMethod]
        public void FlagsKeywordsAndCaseAreAccepted()
        {
            PartitionTable table = PartitionCsv.Parse("\uFEFFota_0, APP, OTA_0, , 1M, encrypted:readonly\r\nx, 0x40, 0x12, , 4K", Flash16M);
            Assert.AreEqual(PartitionEntry.FlagEncrypted | PartitionEntry.FlagReadOnly, table[0].Flags);
            Assert.AreEqual(0x10, table[0].Subtype);
            Assert.AreEqual(0x40, table[1].Type);
            Assert.AreEqual(0x12, table[1].Subtype);
            Assert.AreEqual(0x110000, table[1].Offset);
        }

        [TestMethod]
        public void FormatWritesGenEsp32PartsCsv()
        {
            PartitionTable table = PartitionCsv.Parse(PartitionVectors.OvmsCsv, Flash16M);
            string expected = "# ESP-IDF Partition Table\n# Name, Type, SubType, Offset, Size, Flags\n"
                + "nvs,data,nvs,0x9000,16K,\notadata,data,ota,0xd000,8K,\nphy_init,data,phy,0xf000,4K,\n"
                + "ota_0,app,ota_0,0x10000,7M,\nota_1,app,ota_1,0x710000,7M,\nstore,data,fat,0xe10000,1984K,\n";
            Assert.AreEqual(expected, PartitionCsv.Format(table));
            var odd = new PartitionTable(new PartitionEntry[] { new PartitionEntry("x", 0x40, 0x12, 0x9000, 0x1234, PartitionEntry.FlagReadOnly) });
            Assert.AreEqual("x,64,18,0x9000,0x1234,readonly\n", PartitionCsv.Format(odd).Substring(69));
        }

        [TestMethod]
        public void FormattedCsvParsesBackToTheSameBinary()
        {
            PartitionTable table = PartitionCsv.Parse(PartitionVectors.FactoryCsv, Flash16M);
            PartitionTable again = PartitionCsv.Parse(PartitionCsv.Format(table), Flash16M);
            OvmsOta.Tests.Portable.Flash.TestBytes.AssertEqual(table.ToBinary(), again.ToBinary(), "round trip");
        }
    }
}

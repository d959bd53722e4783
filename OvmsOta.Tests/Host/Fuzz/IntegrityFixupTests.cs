using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.Config;
using OvmsOta.Flash;
using OvmsOta.Image;
using OvmsOta.Partitions;
using OvmsOta.Simulation;
using OvmsOta.Simulator.Fuzz;

namespace OvmsOta.Tests.Host.Fuzz
{
    /// <summary>The fix-ups carry a mutated input past the integrity checks, so the parsing behind them is fuzzed.</summary>
    [TestClass]
    public class IntegrityFixupTests
    {
        [TestMethod]
        public void AMutatedImageWithFixedChecksumsPassesTheValidator()
        {
            byte[] image = new ImageBuilder("3.3.005") { Size = 0x3000 }.Build();
            image[0x1000] ^= 0x5A; // inside segment data: checksum and SHA-256 now fail

            Assert.ThrowsExactly<ImageException>(() => Validate(image));
            ImageInfo info = Validate(IntegrityFixup.ImageChecksums(image, 0x400000));

            Assert.IsTrue(info.IsValid);
        }

        [TestMethod]
        public void AMutatedConfigCopyWithAFixedCrcIsReadAsValid()
        {
            var flash = new SimulatedFlash(new MemorySectorStore(0x2000), 1);
            new ConfigStore(new ConfigRegion(flash, 0, 0x1000)).Set(ConfigParams.Ota, ConfigParams.Tag, "edge");
            byte[] region = new byte[0x2000];
            flash.Read(0, region, 0, region.Length);
            region[ConfigRegion.HeaderSize + 2] ^= 0x01; // a payload byte

            Assert.IsNotNull(Open(region).Warning, "the damaged copy must be noticed first");
            ConfigStore fixedStore = Open(IntegrityFixup.ConfigCrc(region, 0x1000));

            Assert.IsNull(fixedStore.Warning);
        }

        [TestMethod]
        public void AMutatedTableWithAFixedMd5Parses()
        {
            byte[] table = FuzzFlash.ModernTable.ToBinary();
            int md5 = FuzzFlash.ModernTable.Count * PartitionTable.EntrySize;
            Assert.AreEqual(PartitionTable.Md5Magic, LittleEndian.ReadUInt16(table, md5), "the table ends in an MD5 record");
            table[md5 + 20] ^= 0xFF;

            Assert.ThrowsExactly<PartitionTableException>(() => PartitionTable.FromBinary(table, 0, table.Length, FlashGeometry.DeviceSize));
            PartitionTable parsed = PartitionTable.FromBinary(IntegrityFixup.PartitionMd5(table), 0, table.Length, FlashGeometry.DeviceSize);

            Assert.AreEqual(FuzzFlash.ModernTable.Count, parsed.Count);
        }

        static ImageInfo Validate(byte[] image)
        {
            var validator = new ImageValidator();
            validator.Begin(0x400000);
            validator.Feed(image, 0, image.Length);
            return validator.Finish();
        }

        static ConfigStore Open(byte[] region)
        {
            var flash = new SimulatedFlash(new MemorySectorStore(0x2000), 1);
            flash.Write(0, region, 0, region.Length);
            return new ConfigStore(new ConfigRegion(flash, 0, 0x1000));
        }
    }
}

#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.Flash;
using OvmsOta.Partitions;
using OvmsOta.Ports;
using OvmsOta.Simulation;
using OvmsOta.Tests.Portable.Flash;
using OvmsOta.Tests.Portable.Partitions;

namespace OvmsOta.Tests.Portable.OtaData
{
    /// <summary>
    /// The otadata vectors of ../shared/reference/vectors as the 32 bytes at the start of each sector (the rest of the
    /// 8 KB is 0xFF; a host test checks that against the files), and a 16 MB flash holding a vector partition table.
    /// </summary>
    public static class OtaDataVectors
    {
        public const string Blank = "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff";
        public const string Seq1 = "01000000ffffffffffffffffffffffffffffffffffffffffffffffff9a984347";
        public const string Seq2 = "02000000ffffffffffffffffffffffffffffffffffffffffffffffff7437f655";
        public const string Seq1New = "01000000ffffffffffffffffffffffffffffffffffffffff000000009a984347";
        public const string Seq2New = "02000000ffffffffffffffffffffffffffffffffffffffff000000007437f655";
        public const string Seq1Valid = "01000000ffffffffffffffffffffffffffffffffffffffff020000009a984347";

        /// <summary>The 8 KB otadata image with entry0 and entry1 (hex of 32 bytes each).</summary>
        public static byte[] Image(string entry0, string entry1)
        {
            byte[] image = TestBytes.Filled(0x2000, 0xFF);
            System.Array.Copy(TestBytes.FromHex(entry0), 0, image, 0, 32);
            System.Array.Copy(TestBytes.FromHex(entry1), 0, image, 0x1000, 32);
            return image;
        }

        /// <summary>A blank 16 MB flash with the OVMS v3-35 table (vector 0) or the factory table (vector 1) at 0x8000.</summary>
        public static SimulatedFlash FlashWithTable(bool factory, uint seed)
        {
            var flash = new SimulatedFlash(new MemorySectorStore(FlashGeometry.DeviceSize), seed);
            byte[] table = PartitionVectors.Binary(factory ? PartitionVectors.FactoryHex : PartitionVectors.OvmsHex);
            flash.Write(PartitionTable.DefaultOffset, table, 0, table.Length);
            flash.Counters.Clear();
            return flash;
        }

        public static byte[] ReadOtaData(IFlash flash)
        {
            var data = new byte[0x2000];
            flash.Read(0xd000, data, 0, data.Length);
            return data;
        }
    }
}

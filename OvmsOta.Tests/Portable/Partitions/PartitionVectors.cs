#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace OvmsOta.Tests.Portable.Partitions
{
    /// <summary>
    /// The golden partition tables of ../shared/reference/vectors, embedded for tests that read no files: the CSV
    /// sources and the meaningful head of each 0xC00-byte binary (the rest is 0xFF). A host test checks these
    /// copies against the vector files.
    /// </summary>
    public static class PartitionVectors
    {
        public const string OvmsCsv =
            "# OVMS 16MB flash ESP32 Partition Table\n" +
            "# Name,   Type, SubType, Offset,   Size\n" +
            "nvs,      data, nvs,     0x9000,  0x4000\n" +
            "otadata,  data, ota,     0xd000,  0x2000\n" +
            "phy_init, data, phy,     0xf000,  0x1000\n" +
            "ota_0,    app,  ota_0,   0x010000, 7M\n" +
            "ota_1,    app,  ota_1,   0x710000, 7M\n" +
            "store,    data, fat,     0xe10000, 0x1f0000";

        public const string OvmsHex =
            "aa50010200900000004000006e76730000000000000000000000000000000000" +
            "aa50010000d00000002000006f74616461746100000000000000000000000000" +
            "aa50010100f00000001000007068795f696e6974000000000000000000000000" +
            "aa50001000000100000070006f74615f30000000000000000000000000000000" +
            "aa50001100007100000070006f74615f31000000000000000000000000000000" +
            "aa5001810000e10000001f0073746f7265000000000000000000000000000000" +
            "ebebffffffffffffffffffffffffffff520877a00f2b1f7506844246b950ab23";

        public const string FactoryCsv =
            "# OVMS 16MB flash ESP32 Partition Table\n" +
            "# Name,   Type, SubType, Offset,   Size\n" +
            "nvs,      data, nvs,     0x9000,  0x4000\n" +
            "otadata,  data, ota,     0xd000,  0x2000\n" +
            "phy_init, data, phy,     0xf000,  0x1000\n" +
            "factory,  app,  factory, 0x10000,  4M\n" +
            "ota_0,    app,  ota_0,   ,         4M\n" +
            "ota_1,    app,  ota_1,   ,         4M\n" +
            "store,    data, fat,     ,         1M\n";

        public const string FactoryHex =
            "aa50010200900000004000006e76730000000000000000000000000000000000" +
            "aa50010000d00000002000006f74616461746100000000000000000000000000" +
            "aa50010100f00000001000007068795f696e6974000000000000000000000000" +
            "aa5000000000010000004000666163746f727900000000000000000000000000" +
            "aa50001000004100000040006f74615f30000000000000000000000000000000" +
            "aa50001100008100000040006f74615f31000000000000000000000000000000" +
            "aa5001810000c1000000100073746f7265000000000000000000000000000000" +
            "ebebffffffffffffffffffffffffffffcfe36765a6bfe1b802a2abd4ec9f6851";

        public const string TwoOtaCsv =
            "# Name,   Type, SubType, Offset,   Size, Flags\n" +
            "# Note: if you have increased the bootloader size, make sure to update the offsets to avoid overlap\n" +
            "nvs,      data, nvs,     ,        0x4000,\n" +
            "otadata,  data, ota,     ,        0x2000,\n" +
            "phy_init, data, phy,     ,        0x1000,\n" +
            "factory,  app,  factory, ,        1M,\n" +
            "ota_0,    app,  ota_0,   ,        1M,\n" +
            "ota_1,    app,  ota_1,   ,        1M,\n";

        public const string TwoOtaHex =
            "aa50010200900000004000006e76730000000000000000000000000000000000" +
            "aa50010000d00000002000006f74616461746100000000000000000000000000" +
            "aa50010100f00000001000007068795f696e6974000000000000000000000000" +
            "aa5000000000010000001000666163746f727900000000000000000000000000" +
            "aa50001000001100000010006f74615f30000000000000000000000000000000" +
            "aa50001100002100000010006f74615f31000000000000000000000000000000" +
            "ebebffffffffffffffffffffffffffffbf25822c0fa6d8641bd930251e06b4c4";

        /// <summary>The whole 0xC00-byte binary of a vector given its hex head.</summary>
        public static byte[] Binary(string hex)
        {
            return OvmsOta.Tests.Portable.Flash.TestBytes.PaddedErased(OvmsOta.Tests.Portable.Flash.TestBytes.FromHex(hex), 0xC00);
        }
    }
}

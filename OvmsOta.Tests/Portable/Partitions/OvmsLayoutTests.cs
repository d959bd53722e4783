#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.Flash;
using OvmsOta.Partitions;
using OvmsOta.Simulation;

namespace OvmsOta.Tests.Portable.Partitions
{
    [TestClass]
    public class OvmsLayoutTests
    {
        private const string Head = "nvs,data,nvs,0x9000,0x4000\notadata,data,ota,0xd000,0x2000\nphy_init,data,phy,0xf000,0x1000\n";

        [TestMethod]
        [DataRow("ota_0,app,ota_0,0x10000,7M\nota_1,app,ota_1,0x710000,7M\nstore,data,fat,0xe10000,0x1f0000", "v3-35 (ota1, ota2, no factory, maximized store)")]
        [DataRow("factory,app,factory,0x10000,4M\nota_0,app,ota_0,,4M\nota_1,app,ota_1,,4M\nstore,data,fat,,1M", "v3-30 (factory, ota1, ota2, 1MB store)")]
        [DataRow("factory,app,factory,0x10000,4M\nota_0,app,ota_0,,4M\nota_1,app,ota_1,,4M\nstore,data,fat,,1M\nstore2,data,fat,0xe10000,0x1f0000", "v3-34 (factory, ota1, ota2, dual store)")]
        [DataRow("factory,app,factory,0x10000,4M\nota_0,app,ota_0,,4M\nstore,data,fat,0xe10000,0x1f0000", "unknown")]
        [DataRow("ota_0,app,ota_0,0x10000,7M\nota_1,app,ota_1,0x710000,7M\nstore,data,fat,0xe10000,0x100000", "unknown")]
        [DataRow("ota_0,app,ota_0,0x10000,3M\nota_1,app,ota_1,0x310000,3M\ndeploy_0,data,0x84,0x610000,0x280000\ndeploy_1,data,0x84,0x890000,0x280000\nstore,data,fat,0xe10000,0x1f0000", "ovmsota-device (ota_0+deploy_0, ota_1+deploy_1)")]
        [DataRow("ota_0,app,ota_0,0x10000,3M\nota_1,app,ota_1,0x310000,3M\ndeploy_0,data,0x84,0x610000,0x280000\nstore,data,fat,0xe10000,0x1f0000", "v3-35 (ota1, ota2, no factory, maximized store)")]
        public void TablesAreClassifiedAsOvmsDoes(string rows, string expected)
        {
            PartitionTable table = PartitionCsv.Parse(Head + rows, FlashGeometry.DeviceSize);
            Assert.AreEqual(expected, OvmsLayouts.Describe(OvmsLayouts.Classify(table)));
        }
    }
}

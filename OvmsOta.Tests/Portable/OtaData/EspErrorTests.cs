#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.OtaData;

namespace OvmsOta.Tests.Portable.OtaData
{
    /// <summary>The one ESP error table carries the numbers OVMS prints (reference 4a) and ESP-IDF defines.</summary>
    [TestClass]
    public class EspErrorTests
    {
        [TestMethod]
        public void TheNumbersAreTheOnesOvmsPrints()
        {
            Assert.AreEqual(0, EspError.Ok);
            Assert.AreEqual(257, EspError.NoMem);
            Assert.AreEqual(258, EspError.InvalidArg);
            Assert.AreEqual(259, EspError.InvalidState);
            Assert.AreEqual(260, EspError.InvalidSize);
            Assert.AreEqual(261, EspError.NotFound);
            Assert.AreEqual(5377, EspError.OtaPartitionConflict);
            Assert.AreEqual(5379, EspError.OtaValidateFailed);
            Assert.AreEqual(24577, EspError.FlashOpFail);
            Assert.AreEqual(24578, EspError.FlashOpTimeout);
        }

        [TestMethod]
        public void TheNumbersAreEspIdfsBasesPlusOffsets()
        {
            // ESP_ERR_NO_MEM 0x101 ... ESP_ERR_NOT_FOUND 0x105; ESP_ERR_OTA_BASE 0x1500; ESP_ERR_FLASH_BASE 0x6000.
            Assert.AreEqual(0x101, EspError.NoMem);
            Assert.AreEqual(0x105, EspError.NotFound);
            Assert.AreEqual(0x1500 + 1, EspError.OtaPartitionConflict);
            Assert.AreEqual(0x1500 + 3, EspError.OtaValidateFailed);
            Assert.AreEqual(0x6000 + 1, EspError.FlashOpFail);
            Assert.AreEqual(0x6000 + 2, EspError.FlashOpTimeout);
        }
    }
}

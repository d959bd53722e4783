using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.Firmware.Bindings;
using OvmsOta.Flash;
using OvmsOta.Partitions;
using OvmsOta.Simulation;
using OvmsOta.Tests.Portable.OtaData;

namespace OvmsOta.Tests.Host.Firmware
{
    /// <summary>
    /// NativeFlashBinding's own logic on a fake of the native layer (FakeNativeFlash over a SimulatedFlash with the
    /// OVMS v3-35 table): absolute address to partition + offset, the table sector served from the listing, refusals
    /// before the native layer, and esp_err_t codes turned into exceptions naming code, partition and offset.
    /// </summary>
    [TestClass]
    public class NativeFlashBindingTests
    {
        private static (SimulatedFlash Flash, PartitionTable Table, FakeNativeFlash Native, NativeFlashBinding Binding) Module(string running = "ota_0")
        {
            SimulatedFlash flash = OtaDataVectors.FlashWithTable(false, 7);
            PartitionTable table = PartitionTable.ReadFrom(flash, PartitionTable.DefaultOffset);
            var native = new FakeNativeFlash(flash, table, running);
            return (flash, table, native, new NativeFlashBinding(native, flash.Size));
        }

        [TestMethod]
        public void An_absolute_address_goes_to_its_partition_at_the_offset_inside_it()
        {
            var m = Module();
            var ota1 = m.Table.Find("ota_1");
            byte[] pattern = { 1, 2, 3, 4, 5 };
            m.Flash.Write(ota1.Offset + 0x1234, pattern, 0, pattern.Length);

            byte[] read = new byte[5];
            m.Binding.Read(ota1.Offset + 0x1234, read, 0, 5);

            CollectionAssert.AreEqual(pattern, read);
            CollectionAssert.AreEqual(new[] { "read ota_1+0x1234" }, m.Native.Calls);
        }

        [TestMethod]
        public void Writes_and_erases_reach_the_flash_through_labels()
        {
            var m = Module();
            var store = m.Table.Find("store");

            m.Binding.EraseBlock(store.Offset);
            m.Binding.EraseSector(store.Offset + 0x10000);
            m.Binding.Write(store.Offset + 0x10000, new byte[] { 0x5A }, 0, 1);

            byte[] read = new byte[1];
            m.Flash.Read(store.Offset + 0x10000, read, 0, 1);
            Assert.AreEqual(0x5A, read[0]);
            CollectionAssert.AreEqual(new[] { "erase-block store+0x0", "erase-sector store+0x10000", "write store+0x10000" }, m.Native.Calls);
        }

        [TestMethod]
        public void The_table_sector_reads_back_byte_identical_to_the_table_on_flash()
        {
            var m = Module();
            byte[] expected = new byte[FlashGeometry.SectorSize];
            m.Flash.Read(PartitionTable.DefaultOffset, expected, 0, expected.Length);

            byte[] served = new byte[FlashGeometry.SectorSize];
            m.Binding.Read(PartitionTable.DefaultOffset, served, 0, served.Length);

            CollectionAssert.AreEqual(expected, served, "records, MD5 record and 0xFF as gen_esp32part writes them");
            Assert.AreEqual(0, m.Native.Calls.Count, "the table sector is served from the listing read at start");
        }

        [TestMethod]
        public void A_part_of_the_table_sector_is_served_at_its_offset()
        {
            var m = Module();
            byte[] expected = new byte[40];
            m.Flash.Read(PartitionTable.DefaultOffset + 0xBF0, expected, 0, 40);

            byte[] served = new byte[40];
            m.Binding.Read(PartitionTable.DefaultOffset + 0xBF0, served, 0, 40);

            CollectionAssert.AreEqual(expected, served);
        }

        [TestMethod]
        public void The_table_sector_cannot_be_written_or_erased()
        {
            var m = Module();

            var write = Assert.ThrowsExactly<FlashException>(() => m.Binding.Write(PartitionTable.DefaultOffset, new byte[1], 0, 1));
            var erase = Assert.ThrowsExactly<FlashException>(() => m.Binding.EraseSector(PartitionTable.DefaultOffset));

            StringAssert.Contains(write.Message, "0x8000 is in no partition");
            StringAssert.Contains(erase.Message, "sector erase refused");
            Assert.AreEqual(0, m.Native.Calls.Count);
        }

        [TestMethod]
        [DataRow(0x1000, "0x1000 is in no partition")]          // the bootloader
        [DataRow(0x8FFF, "is in no partition")]                 // straddles the table sector and nvs
        [DataRow(0xCFFF, "runs past the end of nvs")]           // nvs ends at 0xd000
        [DataRow(0xFFFFFF, "outside the 0x1000000-byte flash")]
        [DataRow(-1, "outside the 0x1000000-byte flash")]
        public void Accesses_outside_one_partition_are_refused_before_the_native_layer(int address, string reason)
        {
            var m = Module();

            var e = Assert.ThrowsExactly<FlashException>(() => m.Binding.Read(address, new byte[2], 0, 2));

            StringAssert.Contains(e.Message, reason);
            Assert.AreEqual(0, m.Native.Calls.Count);
        }

        [TestMethod]
        public void A_write_to_the_running_partition_names_the_code_the_partition_and_the_offset()
        {
            var m = Module("ota_0");
            var ota0 = m.Table.Find("ota_0");

            var e = Assert.ThrowsExactly<NativeFlashException>(() => m.Binding.Write(ota0.Offset + 0x20, new byte[4], 0, 4));

            Assert.AreEqual(EspErrors.NotAllowed, e.Code);
            Assert.AreEqual("ota_0", e.Partition);
            Assert.AreEqual(0x20, e.Offset);
            Assert.AreEqual("flash write failed: ESP_ERR_NOT_ALLOWED (0x10D) at ota_0+0x20 (address 0x10020, 4 bytes)", e.Message);
        }

        [TestMethod]
        public void An_unaligned_block_erase_comes_back_as_invalid_arg()
        {
            var m = Module();
            var store = m.Table.Find("store");

            var e = Assert.ThrowsExactly<NativeFlashException>(() => m.Binding.EraseBlock(store.Offset + FlashGeometry.SectorSize));

            Assert.AreEqual(EspErrors.InvalidArg, e.Code);
            StringAssert.Contains(e.Message, "block erase failed: ESP_ERR_INVALID_ARG (0x102) at store+0x1000");
        }

        [TestMethod]
        public void A_failing_listing_stops_the_start_with_the_code_and_the_entry()
        {
            var m = Module();
            m.Native.ListingFailureIndex = 3;
            m.Native.ListingFailureStatus = EspErrors.FlashOpFail;

            var e = Assert.ThrowsExactly<FlashException>(() => new NativeFlashBinding(m.Native, m.Flash.Size));

            Assert.AreEqual("partition listing failed: ESP_ERR_FLASH_OP_FAIL (0x6001) at entry 3", e.Message);
        }

        [TestMethod]
        public void The_running_label_comes_from_the_native_record()
        {
            Assert.AreEqual("ota_1", Module("ota_1").Binding.RunningLabel());
            Assert.IsNull(Module("nonexistent").Binding.RunningLabel());
        }

        [TestMethod]
        public void Buffer_spans_are_checked_before_any_call()
        {
            var m = Module();

            Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => m.Binding.Read(0x10000, new byte[4], 2, 4));
            Assert.ThrowsExactly<ArgumentNullException>(() => m.Binding.Write(0x10000, null, 0, 4));
            Assert.AreEqual(0, m.Native.Calls.Count);
        }

        [TestMethod]
        [DataRow(0, "ESP_OK (0x0)")]
        [DataRow(-1, "ESP_FAIL (-1)")]
        [DataRow(0x104, "ESP_ERR_INVALID_SIZE (0x104)")]
        [DataRow(0x105, "ESP_ERR_NOT_FOUND (0x105)")]
        [DataRow(0x1234, "esp_err_t 0x1234")]
        public void Esp_error_codes_are_named(int code, string text)
        {
            Assert.AreEqual(text, EspErrors.Describe(code));
        }
    }
}

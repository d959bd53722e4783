using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.Firmware.Bindings;
using OvmsOta.Partitions;
using OvmsOta.Ports;
using OvmsOta.Tests.Portable.Shell;

namespace OvmsOta.Tests.Host.Firmware
{
    /// <summary>
    /// The whole engine on the device's flash path: ShellRig's module, but its IFlash is NativeFlashBinding over the
    /// fake native layer (labels and offsets, the running partition refused natively). The engine must find its
    /// table, slots and config through the binding and behave exactly as on the plain flash.
    /// </summary>
    [TestClass]
    public class EngineOnNativeFlashTests
    {
        private static (ShellRig Plain, ShellRig Device, FakeNativeFlash Native) Twins()
        {
            ShellRig plain = ShellRig.RunningOta1();
            ShellRig device = ShellRig.RunningOta1();
            PartitionTable table = PartitionTable.ReadFrom(device.Flash, PartitionTable.DefaultOffset);
            var native = new FakeNativeFlash(device.Flash, table, "ota_1");
            device.Platform.Flash = new NativeFlashBinding(native, device.Flash.Size);
            device.Start();
            return (plain, device, native);
        }

        [TestMethod]
        public void The_engine_reads_its_table_through_the_binding_and_reports_as_on_plain_flash()
        {
            var (plain, device, _) = Twins();

            ShellRig.Lines(plain.Run("ota status nocheck"), device.Run("ota status nocheck"));
            ShellRig.Lines(plain.Run("config list ota"), device.Run("config list ota"));
        }

        [TestMethod]
        public void Shell_writes_reach_otadata_the_other_slot_and_the_store_by_label()
        {
            var (plain, device, native) = Twins();

            foreach (string line in new[] { "ota boot ota_0", "ota boot ota_1", "ota erase ota_0", "config set ota tag eap" })
                ShellRig.Lines(plain.Run(line), device.Run(line));

            CollectionAssert.AreEqual(plain.OtaData(), device.OtaData());
            Assert.IsTrue(native.Calls.Exists(c => c.StartsWith("write otadata+")), "otadata written by label");
            Assert.IsTrue(native.Calls.Exists(c => c.StartsWith("erase-block ota_0+") || c.StartsWith("erase-sector ota_0+")), "ota_0 erased by label");
            Assert.IsTrue(native.Calls.Exists(c => c.StartsWith("write store+")), "config written to the store partition");
            Assert.IsFalse(native.Calls.Exists(c => !c.StartsWith("read") && c.Contains(" ota_1+")), "the running partition is never written");
        }

        [TestMethod]
        public void Erasing_the_running_partition_is_refused_by_the_engine_before_the_native_layer()
        {
            var (plain, device, native) = Twins();
            native.Calls.Clear();

            ShellRig.Lines(plain.Run("ota erase ota_1"), device.Run("ota erase ota_1"));

            Assert.IsFalse(native.Calls.Exists(c => c.Contains(" ota_1+") && !c.StartsWith("read")));
        }
    }
}

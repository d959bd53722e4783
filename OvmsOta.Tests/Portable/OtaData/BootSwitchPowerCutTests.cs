#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.Flash;
using OvmsOta.OtaData;
using OvmsOta.Partitions;
using OvmsOta.Simulation;

namespace OvmsOta.Tests.Portable.OtaData
{
    /// <summary>
    /// The backbone check of the boot configuration: measure the flash operations of a boot-partition switch, then
    /// cut the power at each of them in each cut kind (done, not done, torn with several seeds), reboot, and require
    /// that the bootloader selects the old partition or the new one, never none or a third.
    /// </summary>
    [TestClass]
    public class BootSwitchPowerCutTests
    {
        private static readonly PowerCutKind[] Kinds = { PowerCutKind.Done, PowerCutKind.NotDone, PowerCutKind.Torn };
        private const uint Seeds = 4;

        // Layout (true = factory v3-30, false = v3-35), switches made before, then the switch that is cut.
        [TestMethod]
        [DataRow(false, "", "ota_1")]
        [DataRow(false, "", "ota_0")]
        [DataRow(false, "ota_0", "ota_1")]
        [DataRow(false, "ota_0,ota_1", "ota_0")]
        [DataRow(false, "ota_0,ota_1,ota_0", "ota_1")]
        [DataRow(false, "ota_0,ota_1", "ota_1")]
        [DataRow(true, "", "ota_0")]
        [DataRow(true, "ota_0", "ota_1")]
        [DataRow(true, "ota_0", "factory")]
        [DataRow(true, "ota_0,ota_1", "factory")]
        [DataRow(true, "ota_0,ota_1,ota_0", "factory")]
        public void APowerCutDuringASwitchLeavesTheOldOrTheNewSelection(bool factoryLayout, string before, string target)
        {
            int operations = MeasureSwitch(factoryLayout, before, target);
            Assert.AreEqual(operations * (2 + (int)Seeds), Sweep(factoryLayout, before, target));
        }

        /// <summary>Cuts the switch at every operation in every kind; returns the number of cut points tried.</summary>
        public static int Sweep(bool factoryLayout, string before, string target)
        {
            int operations = MeasureSwitch(factoryLayout, before, target);
            Assert.IsTrue(operations > 0, "the switch changes flash");
            int tried = 0;
            for (int cut = 1; cut <= operations; cut++)
                foreach (PowerCutKind kind in Kinds)
                    for (uint seed = 1; seed <= (kind == PowerCutKind.Torn ? Seeds : 1); seed++)
                    {
                        CutAndCheck(factoryLayout, before, target, cut, kind, seed);
                        tried++;
                    }
            return tried;
        }

        /// <summary>Runs the switch once without a cut and returns its number of writes and erases.</summary>
        public static int MeasureSwitch(bool factoryLayout, string before, string target)
        {
            SimulatedFlash flash = Prepare(factoryLayout, before, 1);
            BootSlots slots = SlotsOn(flash);
            flash.Counters.Clear();
            Assert.AreEqual(EspError.Ok, slots.SetBootPartition(slots.Table.Find(target), new FakeImageCheck(null), false));
            Assert.AreEqual(target, slots.BootPartition().Label);
            return flash.Counters.Total.Changes;
        }

        private static void CutAndCheck(bool factoryLayout, string before, string target, int cut, PowerCutKind kind, uint seed)
        {
            SimulatedFlash flash = Prepare(factoryLayout, before, seed);
            BootSlots slots = SlotsOn(flash);
            string old = slots.BootPartition().Label;
            string what = "cut at operation " + cut.ToString() + " (" + PowerCutKindNames.Name(kind)
                + ", seed " + seed.ToString() + ") switching " + old + " -> " + target + " after [" + before + "]";
            flash.ArmPowerCut(cut, kind);
            bool lost = false;
            try
            {
                slots.SetBootPartition(slots.Table.Find(target), new FakeImageCheck(null), false);
            }
            catch (PowerLossException)
            {
                lost = true;
            }
            Assert.IsTrue(lost, what + ": the power was not cut");
            flash.Reboot();

            // After the reboot: a fresh view of the same flash, as the bootloader has.
            BootSlots rebooted = SlotsOn(flash);
            PartitionEntry selected = rebooted.BootPartition();
            Assert.IsNotNull(selected, what + ": no partition selected");
            Assert.IsTrue(selected.Label == old || selected.Label == target, what + ": selected " + selected.Label);

            // And the switch, run again, completes.
            Assert.AreEqual(EspError.Ok, rebooted.SetBootPartition(rebooted.Table.Find(target), new FakeImageCheck(null), false), what + ": retry");
            Assert.AreEqual(target, rebooted.BootPartition().Label, what + ": after the retry");
        }

        private static BootSlots SlotsOn(SimulatedFlash flash)
        {
            return new BootSlots(flash, PartitionTable.ReadFrom(flash, PartitionTable.DefaultOffset));
        }

        /// <summary>A flash with the layout's table and the switches of before (comma-separated labels) done.</summary>
        private static SimulatedFlash Prepare(bool factoryLayout, string before, uint seed)
        {
            SimulatedFlash flash = OtaDataVectors.FlashWithTable(factoryLayout, seed);
            BootSlots slots = SlotsOn(flash);
            if (before.Length > 0)
                foreach (string label in before.Split(new char[] { ',' }))
                    Assert.AreEqual(EspError.Ok, slots.SetBootPartition(slots.Table.Find(label), new FakeImageCheck(null), false));
            return flash;
        }
    }
}

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
using OvmsOta.Tests.Portable.Flash;

namespace OvmsOta.Tests.Portable.Shell
{
    /// <summary>
    /// `ota erase` and `ota copy` write flash outside the running slot and otadata; a power cut after any of their
    /// flash operations, done, not done or torn, must leave the module booting the image it was running.
    /// </summary>
    [TestClass]
    public class SlotCommandPowerCutTests
    {
        private static readonly PowerCutKind[] Kinds = new PowerCutKind[] { PowerCutKind.Done, PowerCutKind.NotDone, PowerCutKind.Torn };

        private static ShellRig Rig()
        {
            ShellRig rig = ShellRig.Small("ota_1");
            rig.PutImage("ota_0", ShellRig.OtherVersion);
            rig.PutImage("ota_1", ShellRig.RunningVersion);
            rig.SetBoot("ota_1");
            rig.Flash.Counters.Clear();
            return rig;
        }

        private static int Sweep(string command)
        {
            ShellRig measured = Rig();
            measured.Run(command);
            int changes = measured.Flash.Counters.Total.Changes;
            Assert.IsTrue(changes > 0, command + " writes flash");

            int cuts = 0;
            for (int change = 1; change <= changes; change++)
            {
                for (int k = 0; k < Kinds.Length; k++)
                {
                    ShellRig rig = Rig();
                    PartitionEntry running = rig.Partition("ota_1");
                    RegionSnapshot runningBytes = new RegionSnapshot(rig.Flash, running.Offset, running.Size);
                    rig.Flash.ArmPowerCut(change, Kinds[k]);
                    try
                    {
                        rig.Run(command);
                    }
                    catch (PowerLossException)
                    {
                    }
                    Assert.IsTrue(rig.Flash.IsPoweredOff, command + ": the cut at change " + change.ToString() + " happened");
                    rig.Flash.Reboot();

                    SlotImageCheck check = new SlotImageCheck(rig.Flash, new ImageValidator(), new byte[4096]);
                    BootResult boot = new BootloaderModel(rig.Flash, rig.Module.Engine.Slots.Table, check, false).Boot();
                    string where = command + ", cut " + change.ToString() + " " + PowerCutKindNames.Name(Kinds[k]);
                    Assert.IsTrue(boot.Booted, where + ": something boots");
                    Assert.AreEqual("ota_1", boot.Partition.Label, where + ": the running image boots");
                    runningBytes.AssertUnchanged(rig.Flash, where + ": running slot untouched");
                    cuts++;
                }
            }
            return cuts;
        }

        [TestMethod]
        public void EraseOfTheOtherSlotNeverStopsTheModuleBooting()
        {
            Assert.AreEqual(8 * 3, Sweep("ota erase ota_0"));
        }

        [TestMethod]
        public void CopyIntoTheOtherSlotNeverStopsTheModuleBooting()
        {
            Assert.AreEqual(CopyChanges() * 3, Sweep("ota copy ota_1 ota_0"));
        }

        /// <summary>512 KB slot: 8 block erases, and one write per 4 KB sector copied.</summary>
        private static int CopyChanges()
        {
            return 8 + 0x80000 / 4096;
        }
    }
}

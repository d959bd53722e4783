#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.Flash;
using OvmsOta.Image;
using OvmsOta.Partitions;
using OvmsOta.Schedule;
using OvmsOta.Simulation;
using OvmsOta.Tests.Portable.Flash;

namespace OvmsOta.Tests.Portable.Shell
{
    /// <summary>
    /// The SD card flash at boot writes the other slot and otadata; a power cut after any of its flash operations, done,
    /// not done or torn, must leave the module booting the old image or the card's, with the running slot untouched.
    /// </summary>
    [TestClass]
    public class SdCardFlashPowerCutTests
    {
        private static readonly PowerCutKind[] Kinds = new PowerCutKind[] { PowerCutKind.Done, PowerCutKind.NotDone, PowerCutKind.Torn };
        private const string CardVersion = "3.3.006-3-gsdcut001";

        private static ShellRig Rig()
        {
            ShellRig rig = ShellRig.Small("ota_1");
            rig.PutImage("ota_0", ShellRig.OtherVersion);
            rig.PutImage("ota_1", ShellRig.RunningVersion);
            rig.SetBoot("ota_1");
            rig.Platform.Reboot = new CountingReboot();
            rig.Start();
            rig.Module.SdCard.RestartDelay = 0;
            rig.Files.Add(SdCardFlash.ImagePath, new ImageBuilder(CardVersion).Build());
            rig.Flash.Counters.Clear();
            return rig;
        }

        [TestMethod]
        public void ACutAnywhereInTheCardFlashLeavesTheOldOrTheNewImageBooting()
        {
            ShellRig measured = Rig();
            measured.Module.Started();
            int changes = measured.Flash.Counters.Total.Changes;
            Assert.IsTrue(changes > 0, "the card flash writes flash");
            int booted = 0;
            int newImage = 0;
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
                        rig.Module.Started();
                    }
                    catch (PowerLossException)
                    {
                    }
                    string where = "card flash, cut " + change.ToString() + " " + PowerCutKindNames.Name(Kinds[k]);
                    Assert.IsTrue(rig.Flash.IsPoweredOff, where + ": the cut happened");
                    rig.Flash.Reboot();
                    SlotImageCheck check = new SlotImageCheck(rig.Flash, new ImageValidator(), new byte[4096]);
                    BootResult boot = new BootloaderModel(rig.Flash, rig.Module.Engine.Slots.Table, check, false).Boot();
                    Assert.IsTrue(boot.Booted, where + ": something boots");
                    Assert.IsTrue(boot.Partition.Label == "ota_1" || boot.Partition.Label == "ota_0", where + ": booted " + boot.Partition.Label);
                    if (boot.Partition.Label == "ota_0")
                        newImage++;
                    runningBytes.AssertUnchanged(rig.Flash, where + ": running slot untouched");
                    booted++;
                }
            }
            Assert.AreEqual(changes * 3, booted);
            Assert.IsTrue(newImage > 0, "no cut came after the boot switch: the sweep did not reach the end");
        }
    }
}

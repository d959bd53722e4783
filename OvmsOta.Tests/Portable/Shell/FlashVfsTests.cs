#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.Engine;
using OvmsOta.Simulation;

namespace OvmsOta.Tests.Portable.Shell
{
    [TestClass]
    public class FlashVfsTests
    {
        [TestMethod]
        public void FlashVfsPrintsOvmsSequenceAndSetsTheBootPartition()
        {
            ShellRig rig = ShellRig.RunningOta1();
            byte[] image = new OvmsOta.Simulation.ImageBuilder("3.3.006").Build();
            rig.Files.Add("/sd/ovms3.bin", image);
            ShellRig.Lines(new string[]
            {
                "Current running partition is: ota_1",
                "Target partition is: ota_0",
                "Source image is " + image.Length.ToString() + " bytes in size",
                "OTA Flash VFS: Preparing flash partition...",
                "OTA Flash VFS: Flashing image partition...",
                "OTA Flash VFS: Setting boot partition...",
                "OTA flash was successful",
                "  Flashed " + image.Length.ToString() + " bytes from /sd/ovms3.bin",
                "  Next boot will be from 'ota_0'",
            }, rig.Run("ota flash vfs /sd/ovms3.bin"));
            Assert.AreEqual("ota_0", rig.Module.Engine.Slots.BootSlots.BootPartition().Label);
            Assert.AreEqual("/sd/ovms3.bin", rig.Module.Engine.Config.VfsMru);
        }

        [TestMethod]
        public void FlashVfsRefusesProtectedMissingAndUnopenableFiles()
        {
            ShellRig rig = ShellRig.RunningOta1();
            string[] head = new string[] { "Current running partition is: ota_1", "Target partition is: ota_0" };
            ShellRig.Lines(new string[] { head[0], head[1], "Error: protected path" }, rig.Run("ota flash vfs /store/./ovms_config/ota"));
            ShellRig.Lines(new string[] { head[0], head[1], "Error: Cannot find file /sd/none.bin" }, rig.Run("ota flash vfs /sd/none.bin"));
            rig.Files.Add("/sd/locked.bin", new byte[2000]);
            rig.Files.Unopenable.Add("/sd/locked.bin");
            ShellRig.Lines(new string[] { head[0], head[1], "Source image is 2000 bytes in size", "Error: Cannot open /sd/locked.bin" },
                rig.Run("ota flash vfs /sd/locked.bin"));
            ShellRig.Lines(new string[] { "Usage: ota flash vfs <file>" }, rig.Run("ota flash vfs"));
        }

        [TestMethod]
        public void AReadErrorMidFileIsReportedAndActivatesNothing()
        {
            ShellRig rig = ShellRig.RunningOta1();
            OvmsOta.Simulation.ImageBuilder builder = new OvmsOta.Simulation.ImageBuilder("3.3.006");
            builder.Size = 20000;
            byte[] image = builder.Build();
            rig.Files.Add("/sd/ovms3.bin", image);
            rig.Files.FailAfter["/sd/ovms3.bin"] = 8192;
            byte[] otadata = rig.OtaData();

            string[] lines = rig.Run("ota flash vfs /sd/ovms3.bin");

            Expect.Contains("Error: Cannot read 8192 of " + image.Length.ToString() + " bytes: the card was removed", ShellRig.Join(lines));
            CollectionAssert.AreEqual(otadata, rig.OtaData(), "otadata untouched");
            Assert.IsFalse(rig.Module.Engine.Installer.ImageCheck.HasValidImage(rig.Partition("ota_0")), "the target is not bootable");
            Assert.IsFalse(rig.Module.Engine.Installer.Lock.IsHeld);
        }

        [TestMethod]
        public void ASecondWriterIsRefusedAtOnceWhileTheLockIsHeld()
        {
            ShellRig rig = ShellRig.RunningOta1();
            Assert.IsTrue(rig.Module.Engine.Installer.Lock.TryEnter());
            string[] commands = new string[] { "ota flash vfs /sd/ovms3.bin", "ota flash http", "ota boot ota_0", "ota erase ota_0", "ota copy ota_1 ota_0" };
            foreach (string command in commands)
                ShellRig.Lines(new string[] { InstallLock.BusyText }, rig.Run(command));
            Assert.AreEqual(0, rig.Flash.Counters.Total.Changes);
            Assert.AreEqual(0, rig.Http.Requests.Count);
            Assert.AreEqual(8, rig.Run("ota").Length);
            rig.Module.Engine.Installer.Lock.Exit();
            ShellRig.Lines(new string[] { "Boot from ota_0 at 0x00010000 (size 0x00700000)" }, rig.Run("ota boot ota_0"));
        }
    }
}

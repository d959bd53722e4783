#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.Engine;

namespace OvmsOta.Tests.Portable.Shell
{
    /// <summary>
    /// No portable hashing on the device by accident: an engine whose platform binds no native digests says so at
    /// start and at every update, with what it costs, and still updates (a module that cannot update cannot get the
    /// firmware that fixes its binding); bound digests keep it quiet.
    /// </summary>
    [TestClass]
    public class DigestBindingTests
    {
        const string Warning = "W No native image digests: ";

        [TestMethod]
        public void WithoutNativeDigestsTheEngineWarnsAtStartAndAtEveryUpdateAndStillUpdates()
        {
            ShellRig rig = ShellRig.RunningOta1();
            rig.Platform.Sha256 = null;
            rig.Platform.ChecksumFold = null;
            rig.Log.Lines.Clear();
            rig.Start();
            Assert.AreEqual(1, WarningCount(rig));
            string warning = (string)rig.Log.Lines[0];
            Expect.Contains("OtaPlatform.Sha256 and OtaPlatform.ChecksumFold are not bound", warning);
            Expect.Contains(PortableDigests.Sha256Cost, warning);

            rig.Files.Add("/sd/ovms3.bin", new OvmsOta.Simulation.ImageBuilder("3.3.006").Build());
            rig.Run("ota flash vfs /sd/ovms3.bin");
            Assert.AreEqual(2, WarningCount(rig));
            Assert.AreEqual("ota_0", rig.Module.Engine.Slots.BootSlots.BootPartition().Label);
        }

        [TestMethod]
        public void AMissingFoldAloneIsNamedWithItsOwnCost()
        {
            ShellRig rig = ShellRig.RunningOta1();
            rig.Platform.ChecksumFold = null;
            rig.Log.Lines.Clear();
            rig.Start();
            Assert.AreEqual(1, WarningCount(rig));
            Expect.Contains("OtaPlatform.ChecksumFold is not bound", (string)rig.Log.Lines[0]);
            Expect.Contains(PortableDigests.FoldCost, (string)rig.Log.Lines[0]);
        }

        [TestMethod]
        public void BoundDigestsKeepTheEngineQuiet()
        {
            ShellRig rig = ShellRig.RunningOta1();
            rig.Log.Lines.Clear();
            rig.Start();
            rig.Files.Add("/sd/ovms3.bin", new OvmsOta.Simulation.ImageBuilder("3.3.006").Build());
            rig.Run("ota flash vfs /sd/ovms3.bin");
            Assert.AreEqual(0, WarningCount(rig));
            Assert.AreEqual("ota_0", rig.Module.Engine.Slots.BootSlots.BootPartition().Label);
        }

        static int WarningCount(ShellRig rig)
        {
            int count = 0;
            foreach (string line in rig.Log.Lines)
                if (line.IndexOf(Warning) == 0)
                    count++;
            return count;
        }
    }
}

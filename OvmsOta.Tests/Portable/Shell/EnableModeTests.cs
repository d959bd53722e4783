#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.Shell;
using OvmsOta.Simulation;

namespace OvmsOta.Tests.Portable.Shell
{
    /// <summary>OVMS's privileged mode: `enable` with config `password module`, its prompts and refusals.</summary>
    [TestClass]
    public class EnableModeTests
    {
        private const string Password = "module-pw-1";

        /// <summary>A module whose password is set, rebuilt so the console starts outside secure mode.</summary>
        private static ShellRig Locked()
        {
            ShellRig rig = ShellRig.RunningOta1();
            rig.Set("password", "module", Password);
            rig.Start();
            rig.Flash.Counters.Clear();
            return rig;
        }

        [TestMethod]
        public void WithoutAPasswordEnableEntersSecureModeAtOnce()
        {
            ShellRig rig = ShellRig.RunningOta1();
            ShellRig.Lines(new string[] { "Secure mode" }, rig.Run("enable"));
            ShellRig.Lines(new string[] { "Boot from ota_0 at 0x00010000 (size 0x00700000)" }, rig.Run("ota boot ota_0"));
        }

        [TestMethod]
        public void CommandsThatChangeFlashOrConfigAreRefusedAndWriteNothing()
        {
            ShellRig rig = Locked();
            string[] commands = { "ota flash http", "ota flash vfs /sd/ovms3.bin", "ota flash auto", "ota boot ota_0", "ota erase ota_0",
                "ota copy ota_1 ota_0", "ota commit", "ota revert", "config set ota tag edge", "config rm ota tag" };
            for (int i = 0; i < commands.Length; i++)
                ShellRig.Lines(new string[] { "Error: Secure command requires 'enable' mode" }, rig.Run(commands[i]));
            Assert.AreEqual(0, rig.Flash.Counters.Total.Changes, "a refused command wrote flash");
            Assert.AreEqual(0, rig.Http.Requests.Count, "a refused command reached the network");
        }

        [TestMethod]
        public void ReadingStaysOpen()
        {
            ShellRig rig = Locked();
            Expect.Contains("Running partition: ota_1", ShellRig.Join(rig.Run("ota status nocheck")));
            Expect.Contains("Running partition: ota_1", ShellRig.Join(rig.Run("ota")));
            Expect.Contains("Partition table:", ShellRig.Join(rig.Run("ota partitions list")));
            ShellRig.Lines(new string[] { "tag: main (default)" }, rig.Run("config get ota tag"));
        }

        [TestMethod]
        public void TheRightPasswordEntersSecureModeAWrongOneDoesNot()
        {
            ShellRig rig = Locked();
            ShellRig.Lines(new string[] { "Error: Invalid password" }, rig.Run("enable wrong-pw"));
            ShellRig.Lines(new string[] { "Error: Secure command requires 'enable' mode" }, rig.Run("ota boot ota_0"));
            ShellRig.Lines(new string[] { "Secure mode" }, rig.Run("enable " + Password));
            ShellRig.Lines(new string[] { "Boot from ota_0 at 0x00010000 (size 0x00700000)" }, rig.Run("ota boot ota_0"));
            ShellRig.Lines(new string[0], rig.Run("disable"));
            ShellRig.Lines(new string[] { "Error: Secure command requires 'enable' mode" }, rig.Run("ota boot ota_1"));
        }

        [TestMethod]
        public void ThePromptAllowsThreeTries()
        {
            ShellRig rig = Locked();
            ShellRig.Lines(new string[] { "Password:" }, rig.Run("enable"));
            ShellRig.Lines(new string[] { "Sorry, try again.", "Password:" }, rig.Run("ota boot ota_0"));
            ShellRig.Lines(new string[] { "Sorry, try again.", "Password:" }, rig.Run("second"));
            ShellRig.Lines(new string[] { "Error: 3 incorrect password attempts" }, rig.Run("third"));
            ShellRig.Lines(new string[] { "Error: Secure command requires 'enable' mode" }, rig.Run("ota boot ota_0"));
            Assert.AreEqual(0, rig.Flash.Counters.Total.Changes, "a password line ran as a command");

            ShellRig.Lines(new string[] { "Password:" }, rig.Run("enable"));
            ShellRig.Lines(new string[] { "Secure mode" }, rig.Run(Password));
            ShellRig.Lines(new string[] { "Boot from ota_0 at 0x00010000 (size 0x00700000)" }, rig.Run("ota boot ota_0"));
        }

        [TestMethod]
        public void EachSessionHasItsOwnMode()
        {
            ShellRig rig = Locked();
            ShellMode other = rig.Module.Shell.NewSession();
            ShellRig.Lines(new string[] { "Secure mode" }, rig.Run("enable " + Password));
            ShellTranscript lines = new ShellTranscript();
            rig.Module.Execute("ota boot ota_0", lines, other);
            ShellRig.Lines(new string[] { "Error: Secure command requires 'enable' mode" }, lines.Lines);
        }
    }
}

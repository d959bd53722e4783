using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.Simulator.UpdateServer;

namespace OvmsOta.Tests.Host.Sim
{
    /// <summary>The simulator's /sd (a folder beside the flash file): an ovms3.bin there is flashed at boot, as OVMS does.</summary>
    [TestClass]
    public class SimSdCardTests
    {
        [TestMethod]
        public void AnImageOnTheCardIsFlashedAtBootRenamedAndBooted()
        {
            using var sim = new SimScript();
            sim.Run("ota status nocheck");
            string sd = Path.Combine(Path.GetDirectoryName(sim.FlashPath)!, "sd");
            Directory.CreateDirectory(sd);
            const string version = "3.3.006-40-gsdcard02";
            byte[] image = DemoTree.Build(version, 300_000);
            File.WriteAllBytes(Path.Combine(sd, "ovms3.bin"), image);

            string transcript = sim.Run("ota status nocheck");

            StringAssert.Contains(transcript, "ota: OTA Auto Flash SD: Preparing flash partition...");
            StringAssert.Contains(transcript, "ota: AutoFlashSD OTA flash successful: Flashed " + image.Length + " bytes, and booting from 'ota_1'");
            StringAssert.Contains(transcript, "Rebooting: FirmwareUpdate");
            StringAssert.Contains(transcript, "Booted ota_1: " + version);
            Assert.IsFalse(File.Exists(Path.Combine(sd, "ovms3.bin")), "ovms3.bin is still on the card");
            Assert.IsTrue(File.Exists(Path.Combine(sd, "ovms3.done")), "ovms3.done missing");

            // The next boot does not flash it again.
            string again = sim.Run("ota status nocheck");
            StringAssert.DoesNotMatch(again, new System.Text.RegularExpressions.Regex("AutoFlashSD"));
        }
    }
}

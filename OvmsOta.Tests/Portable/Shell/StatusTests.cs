#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System.Text;
using OvmsOta.Tests.Portable.Server;

namespace OvmsOta.Tests.Portable.Shell
{
    [TestClass]
    public class StatusTests
    {
        private const string VerUrl = "http://api.openvehicles.com/firmware/ota/v3.3-5/edge/ovms3.ver";

        private static string[] Head()
        {
            return new string[]
            {
                "Hardware:          OVMS WIFI BLE BT cores=2 rev=ESP32/3; MODEM SIM7600",
                "Firmware:          3.3.005-925-g3e67d4e6d-dirty/ota_1/edge (build idf v3.3.4-854-g9063c8662c May 13 2026 20:13:48, product v3.3-5)",
                "Partition type:    v3-35 (ota1, ota2, no factory, maximized store)",
                "Partition table:   0x8000",
                "Running partition: ota_1",
                "Boot partition:    ota_1",
                "OTA_O image:       3.3.005-922-g1a3378f1b",
                "OTA_1 image:       3.3.005-925-g3e67d4e6d-dirty",
            };
        }

        private static ShellRig EdgeRig()
        {
            ShellRig rig = ShellRig.RunningOta1();
            rig.Set("ota", "tag", "edge");
            return rig;
        }

        private static void ServeVer(ShellRig rig, string text)
        {
            byte[] body = Encoding.UTF8.GetBytes(text);
            rig.Http.Serve(VerUrl, new FakeResponse(200, body.Length, null, new ScriptedBody(body, rig.Clock)));
        }

        [TestMethod]
        public void BareOtaIsStatusWithoutTheServerCheck()
        {
            ShellRig rig = EdgeRig();
            ShellRig.Lines(Head(), rig.Run("ota"));
            ShellRig.Lines(Head(), rig.Run("ota status nocheck"));
            Assert.AreEqual(0, rig.Http.Requests.Count);
        }

        [TestMethod]
        public void StatusShowsTheReferenceExampleWithServerVersionAndChangelog()
        {
            ShellRig rig = EdgeRig();
            ServeVer(rig, "3.3.005-928-g7f8b5d676\nFixed things\r\nAdded more\n");
            string[] expected = new string[]
            {
                Head()[0], Head()[1], Head()[2], Head()[3], Head()[4], Head()[5], Head()[6], Head()[7],
                "Server Available:  3.3.005-928-g7f8b5d676 (is newer)",
                "",
                "Fixed things",
                "Added more",
            };
            ShellRig.Lines(expected, rig.Run("ota status"));
            Assert.AreEqual(VerUrl, (string)rig.Http.Requests[0]);
        }

        [TestMethod]
        public void StatusSaysNoUpdateRequiredForAnOlderServerAndSkipsAnEmptyChangelog()
        {
            ShellRig rig = EdgeRig();
            ServeVer(rig, "3.3.005-900-gabcdef012\n");
            string[] lines = rig.Run("ota status");
            Assert.AreEqual("Server Available:  3.3.005-900-gabcdef012 (no update required)", lines[lines.Length - 1]);
            Assert.AreEqual(9, lines.Length);
        }

        [TestMethod]
        public void StatusWithoutNetworkDoesNotAskTheServer()
        {
            ShellRig rig = EdgeRig();
            rig.Network.Wifi = false;
            rig.Network.Modem = false;
            ShellRig.Lines(Head(), rig.Run("ota status"));
            Assert.AreEqual(0, rig.Http.Requests.Count);
        }

        [TestMethod]
        public void StatusOverTheModemAsksTheServer()
        {
            ShellRig rig = EdgeRig();
            rig.Network.Wifi = false;
            rig.Network.Modem = true;
            ServeVer(rig, "3.3.005-928-g7f8b5d676\n");
            string[] lines = rig.Run("ota status");
            Assert.AreEqual("Server Available:  3.3.005-928-g7f8b5d676 (is newer)", lines[lines.Length - 1]);
        }

        [TestMethod]
        public void AFailedServerCheckSaysWhyInsteadOfAVersion()
        {
            ShellRig rig = EdgeRig();
            rig.Http.Serve(VerUrl, new FakeResponse(404, 0, null, new ScriptedBody(new byte[0], rig.Clock)));
            string[] lines = rig.Run("ota status");
            Assert.AreEqual(9, lines.Length);
            Expect.Contains("Server check:      ", lines[8]);
            Expect.Contains("HTTP 404", lines[8]);
        }

        [TestMethod]
        public void StatusOfAFactoryModuleShowsTheFactoryImageAndTheDefaultTag()
        {
            ShellRig rig = new ShellRig(true, "factory");
            rig.PutImage("factory", "3.2.016");
            string[] expected = new string[]
            {
                "Hardware:          OVMS WIFI BLE BT cores=2 rev=ESP32/3; MODEM SIM7600",
                "Firmware:          3.3.005-925-g3e67d4e6d-dirty/factory/main (build idf v3.3.4-854-g9063c8662c May 13 2026 20:13:48, product v3.3)",
                "Partition type:    v3-30 (factory, ota1, ota2, 1MB store)",
                "Partition table:   0x8000",
                "Running partition: factory",
                "Boot partition:    factory",
                "Factory image:     3.2.016",
            };
            ShellRig.Lines(expected, rig.Run("ota status nocheck"));
        }

        [TestMethod]
        public void StatusShowsARunningFlashOperation()
        {
            ShellRig rig = EdgeRig();
            rig.Module.Engine.Installer.Status.Set("OTA Flash HTTP: Downloading OTA image...");
            rig.Module.Engine.Installer.Status.Progress(42);
            string[] lines = rig.Run("ota");
            Assert.AreEqual("Status:            OTA Flash HTTP: Downloading OTA image... (42%)", lines[6]);
        }
    }
}

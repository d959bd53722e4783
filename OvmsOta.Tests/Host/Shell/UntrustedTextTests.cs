using System.Linq;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.Tests.Portable.Server;
using OvmsOta.Tests.Portable.Shell;

namespace OvmsOta.Tests.Host.Shell
{
    /// <summary>
    /// Issue 15 item 6: text from the network or an image (.ver, changelog, image versions) reaches terminals, TCP
    /// clients and logs with its control characters made visible, so a server cannot send escape sequences to them.
    /// </summary>
    [TestClass]
    public class UntrustedTextTests
    {
        private const string Base = "http://api.openvehicles.com/firmware/ota/v3.3-5/edge/";
        // ESC [2J clears a terminal, BEL rings it, NUL and a lone CR (in the changelog: it ends line 1) rewrite what it shows.
        private const string HostileVersion = "3.3.009\u001b[2J\u0007\u0000X";
        private const string VisibleVersion = @"3.3.009\x1b[2J\x07\x00X";

        private static ShellRig EdgeRig(string verText)
        {
            ShellRig rig = ShellRig.RunningOta1();
            rig.Set("ota", "tag", "edge");
            byte[] body = Encoding.UTF8.GetBytes(verText);
            rig.Http.Serve(Base + "ovms3.ver", new FakeResponse(200, body.Length, null, new ScriptedBody(body, rig.Clock)));
            return rig;
        }

        private static bool HasControl(string line) => line.Any(c => c < 0x20 || (c >= 0x7F && c <= 0x9F));

        [TestMethod]
        public void OtaStatusShowsTheServerVersionAndChangelogWithControlCharactersVisible()
        {
            ShellRig rig = EdgeRig(HostileVersion + "\nFixed \u001b]0;owned\u0007 things\u009b\rover\r\nPlain line\n");

            string[] lines = rig.Run("ota status");

            Assert.IsFalse(lines.Any(HasControl), ShellRig.Join(lines));
            CollectionAssert.Contains(lines, "Server Available:  " + VisibleVersion + " (is newer)");
            CollectionAssert.Contains(lines, @"Fixed \x1b]0;owned\x07 things\x9b\x0dover");
            CollectionAssert.Contains(lines, "Plain line");
        }

        [TestMethod]
        public void TheNightlyJobLogsAndNotifiesTheServerVersionWithControlCharactersVisible()
        {
            ShellRig rig = EdgeRig(HostileVersion + "\n");
            rig.Network.Wifi = false;
            rig.Network.Modem = true;

            rig.Run("ota flash auto");

            string[] log = rig.Log.LogLines().Concat(rig.Log.NotificationLines()).ToArray();
            Assert.IsFalse(log.Any(HasControl), string.Join("\n", log));
            CollectionAssert.Contains(rig.Log.NotificationLines(),
                "info ota.update: New firmware " + VisibleVersion + " is available. Connect to WIFI to update");
        }

        [TestMethod]
        public void OtaStatusShowsSlotVersionsFromImagesWithControlCharactersVisible()
        {
            ShellRig rig = EdgeRig("x\n");
            // FixedText writes printable ASCII only: the hostile bytes are patched into the image (marker and description).
            byte[] image = new OvmsOta.Simulation.ImageBuilder("3.3.ABCDE").Build();
            byte[] hostile = { 0x1B, (byte)'[', (byte)'5', (byte)'m', 0x07 };
            for (int i = 0; i + 5 <= image.Length; i++)
                if (Encoding.ASCII.GetString(image, i, 5) == "ABCDE")
                    System.Array.Copy(hostile, 0, image, i, 5);
            rig.PutBytes("ota_0", image);

            string[] lines = rig.Run("ota status nocheck");

            Assert.IsFalse(lines.Any(HasControl), ShellRig.Join(lines));
            CollectionAssert.Contains(lines, @"OTA_O image:       3.3.\x1b[5m\x07");
        }
    }
}

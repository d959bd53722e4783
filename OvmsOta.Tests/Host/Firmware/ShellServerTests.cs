using System;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.Firmware.Servers;
using OvmsOta.Tests.Portable.Server;
using OvmsOta.Tests.Portable.Shell;

namespace OvmsOta.Tests.Host.Firmware
{
    /// <summary>
    /// The `ota` shell server end to end on 127.0.0.1: the firmware's TcpServer (its socket calls also exist on .NET)
    /// accepts one client, ShellSession runs its lines through a real engine (ShellRig: v3-35, running ota_1).
    /// </summary>
    [TestClass]
    public class ShellServerTests
    {
        /// <summary>Serves one client that sends input and closes its sending side; returns everything the server wrote.</summary>
        private static string Converse(ShellRig rig, string input)
        {
            var log = new RecordingLog();
            var server = new TcpServer("shell", 0, new ShellSession(rig.Module), log, 5000, new FakeClock(), false);
            server.Listen();
            try
            {
                Task serving = Task.Run(server.ServeOne);
                using var client = new TcpClient("127.0.0.1", server.LocalPort);
                using NetworkStream stream = client.GetStream();
                byte[] bytes = Encoding.UTF8.GetBytes(input);
                stream.Write(bytes, 0, bytes.Length);
                client.Client.Shutdown(SocketShutdown.Send);
                string output = new StreamReader(stream, Encoding.UTF8).ReadToEnd();
                Assert.IsTrue(serving.Wait(10000), "the server did not finish the session");
                return output;
            }
            finally
            {
                server.Stop();
            }
        }

        [TestMethod]
        public void Lines_run_through_the_engine_with_a_prompt_after_each()
        {
            var rig = ShellRig.RunningOta1();
            rig.Set("ota", "push.secret", "0123456789abcdef");
            string expected = ShellSession.PasswordPrompt + ShellSession.Prompt
                + string.Join("\r\n", rig.Run("ota boot ota_0")) + "\r\n" + ShellSession.Prompt
                + string.Join("\r\n", rig.Run("ota status nocheck")) + "\r\n" + ShellSession.Prompt;
            rig.Run("ota boot ota_1");

            string output = Converse(rig, "0123456789abcdef\nota boot ota_0\r\n  ota status nocheck\nexit\n");

            Assert.AreEqual(expected, output);
            Assert.AreEqual(rig.Partition("ota_0").Offset, rig.Module.Engine.Slots.BootSlots.BootPartition().Offset, "the shell's ota boot reached otadata");
        }

        [TestMethod]
        public void With_a_module_password_each_connection_needs_enable()
        {
            var rig = ShellRig.RunningOta1();
            rig.Set("ota", "push.secret", "0123456789abcdef");
            rig.Set("password", "module", "module-pw");
            byte[] otadata = rig.OtaData();

            string output = Converse(rig, "0123456789abcdef\nota boot ota_0\nenable wrong\nenable module-pw\nota boot ota_0\nexit\n");

            string[] lines = output.Split(ShellSession.Prompt);
            Assert.AreEqual("Error: Secure command requires 'enable' mode\r\n", lines[1]);
            Assert.AreEqual("Error: Invalid password\r\n", lines[2]);
            Assert.AreEqual("Secure mode\r\n", lines[3]);
            StringAssert.StartsWith(lines[4], "Boot from ota_0");
            Assert.AreEqual(rig.Partition("ota_0").Offset, rig.Module.Engine.Slots.BootSlots.BootPartition().Offset);
            CollectionAssert.AreNotEqual(otadata, rig.OtaData(), "enable did not let ota boot through");
            // The next connection starts outside secure mode again.
            StringAssert.Contains(Converse(rig, "0123456789abcdef\nota boot ota_1\nexit\n"), "Error: Secure command requires 'enable' mode");
        }

        [TestMethod]
        public void Without_a_password_the_shell_is_read_only()
        {
            var rig = ShellRig.RunningOta1();
            byte[] otadata = rig.OtaData();
            string expected = ShellSession.OpenWarningText + "\r\n" + ShellSession.Prompt
                + string.Join("\r\n", rig.Run("ota status nocheck")) + "\r\n" + ShellSession.Prompt
                + ShellSession.ReadOnlyText + "\r\n" + ShellSession.Prompt
                + ShellSession.ReadOnlyText + "\r\n" + ShellSession.Prompt;

            string output = Converse(rig, "ota status nocheck\nota boot ota_0\nconfig set ota push.secret 0123456789abcdef\nexit\n");

            Assert.AreEqual(expected, output);
            CollectionAssert.AreEqual(otadata, rig.OtaData(), "nothing written");
            Assert.AreEqual("", rig.Module.Engine.Config.PushSecret, "no password set from the network");
        }

        [TestMethod]
        public void A_line_longer_than_the_limit_is_refused_not_run_cut()
        {
            var rig = ShellRig.RunningOta1();
            string tooLong = "ota boot ota_0" + new string(' ', ShellSession.MaxLineBytes) + "x";

            string output = Converse(rig, tooLong + "\n");

            StringAssert.Contains(output, ShellSession.LineTooLongText);
            Assert.AreEqual(rig.Partition("ota_1").Offset, rig.Module.Engine.Slots.BootSlots.BootPartition().Offset, "nothing of the cut line ran");
        }

        [TestMethod]
        public void With_a_secret_set_the_shell_asks_for_it_and_closes_on_a_wrong_one()
        {
            var rig = ShellRig.RunningOta1();
            rig.Set("ota", "push.secret", "0123456789abcdef");

            string refused = Converse(rig, "wrong-password\nota boot ota_0\n");
            string accepted = Converse(rig, "0123456789abcdef\nota status nocheck\n");

            Assert.AreEqual(ShellSession.PasswordPrompt + ShellSession.LoginFailedText + "\r\n", refused);
            Assert.AreEqual(rig.Partition("ota_1").Offset, rig.Module.Engine.Slots.BootSlots.BootPartition().Offset);
            StringAssert.StartsWith(accepted, ShellSession.PasswordPrompt + ShellSession.Prompt);
            StringAssert.Contains(accepted, rig.Run("ota status nocheck")[0]);
        }

        [TestMethod]
        public void The_line_reader_splits_on_any_line_end_and_drops_control_bytes()
        {
            var reader = new LineReader(new MemoryStream(Encoding.UTF8.GetBytes("a\r\nb\rc\n\u0007d\te\r\nlast-without-end")), 16);

            Assert.AreEqual("a", reader.ReadLine());
            Assert.AreEqual("b", reader.ReadLine());
            Assert.AreEqual("c", reader.ReadLine());
            Assert.AreEqual("d\te", reader.ReadLine());
            Assert.IsNull(reader.ReadLine());
        }

        [TestMethod]
        public void Output_to_a_client_that_left_is_dropped_so_the_command_finishes()
        {
            var output = new StreamShellOutput(new ClosedStream());

            output.WriteLine("progress 10%");
            output.WriteLine("progress 20%");

            Assert.IsTrue(output.Broken);
        }

        private sealed class ClosedStream : MemoryStream
        {
            public override void Write(byte[] buffer, int offset, int count) => throw new IOException("connection reset by peer");
        }
    }
}

using System;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.Firmware.Servers;
using OvmsOta.Push;
using OvmsOta.Tests.Portable.Server;
using OvmsOta.Tests.Portable.Shell;

namespace OvmsOta.Tests.Host.Firmware
{
    /// <summary>
    /// The device TcpServer's per-connection deadline on 127.0.0.1 with a fake clock: a stranger trickling a login is cut
    /// at the login deadline (the port is free for the owner), a logged-in owner is not cut for sitting idle, and a
    /// password-less read-only session ends after its limit.
    /// </summary>
    [TestClass]
    public class ServerDeadlineTests
    {
        const string Secret = "0123456789abcdef";

        sealed class Session : IDisposable
        {
            public readonly FakeClock Clock = new FakeClock();
            public readonly RecordingLog Log = new RecordingLog();
            public readonly TcpServer Server;
            public readonly Task Serving;
            public readonly TcpClient Client;
            public readonly NetworkStream Stream;

            public Session(ShellRig rig)
            {
                Server = new TcpServer("shell", 0, new ShellSession(rig.Module), Log, 5000, Clock, false);
                Server.Listen();
                Serving = Task.Run(Server.ServeOne);
                Client = new TcpClient("127.0.0.1", Server.LocalPort);
                Stream = Client.GetStream();
                Stream.ReadTimeout = 10000;
            }

            public void Send(string text)
            {
                byte[] bytes = Encoding.UTF8.GetBytes(text);
                Stream.Write(bytes, 0, bytes.Length);
            }

            /// <summary>Reads until the text arrived (or fails after the read timeout).</summary>
            public string ReadUntil(string text)
            {
                var seen = new StringBuilder();
                var buffer = new byte[256];
                while (!seen.ToString().Contains(text))
                {
                    int n = Stream.Read(buffer, 0, buffer.Length);
                    if (n == 0)
                        break;
                    seen.Append(Encoding.UTF8.GetString(buffer, 0, n));
                }
                return seen.ToString();
            }

            /// <summary>Lets the server's current read return (one byte it ignores) so it judges the fake clock.</summary>
            public void Nudge() => Send("\u0001");

            public void Dispose()
            {
                Client.Dispose();
                Server.Stop();
            }
        }

        [TestMethod]
        public void A_login_trickled_past_the_deadline_is_cut_and_logged()
        {
            var rig = ShellRig.RunningOta1();
            rig.Set("ota", "push.secret", Secret);
            using var session = new Session(rig);
            session.ReadUntil(ShellSession.PasswordPrompt);

            session.Send("0");
            session.Clock.Milliseconds += ConnectionDeadline.HeadMilliseconds - 1;
            session.Send("1");
            session.Clock.Milliseconds += 1;
            session.Send("2");

            Assert.IsTrue(session.Serving.Wait(10000), "the server still serves the trickling stranger");
            Assert.IsTrue(session.Log.LogLines().Any(l => l == "W shell: connection ended: request head or login not complete within 10 s; connection closed"),
                string.Join("\n", session.Log.LogLines()));
        }

        [TestMethod]
        public void A_logged_in_owner_is_not_cut_for_sitting_idle()
        {
            var rig = ShellRig.RunningOta1();
            rig.Set("ota", "push.secret", Secret);
            using var session = new Session(rig);
            session.ReadUntil(ShellSession.PasswordPrompt);
            session.Send(Secret + "\n");
            session.ReadUntil(ShellSession.Prompt);

            session.Clock.Milliseconds += 3_600_000;
            session.Send("ota status nocheck\n");

            StringAssert.Contains(session.ReadUntil(ShellSession.Prompt), rig.Run("ota status nocheck")[0]);
            session.Send("exit\n");
            Assert.IsTrue(session.Serving.Wait(10000));
            Assert.IsFalse(session.Log.LogLines().Any(l => l.Contains("connection ended")), string.Join("\n", session.Log.LogLines()));
        }

        [TestMethod]
        public void A_read_only_session_ends_after_its_limit()
        {
            var rig = ShellRig.RunningOta1();
            using var session = new Session(rig);
            session.ReadUntil(ShellSession.Prompt);
            session.Clock.Milliseconds += ConnectionDeadline.HeadMilliseconds;
            session.Send("ota status nocheck\n");
            session.ReadUntil(ShellSession.Prompt);

            session.Clock.Milliseconds += ShellSession.ReadOnlySessionMilliseconds;
            session.Nudge();

            Assert.IsTrue(session.Serving.Wait(10000), "a stranger keeps the password-less shell");
            Assert.IsTrue(session.Log.LogLines().Any(l => l.Contains("read-only shell session not complete within 60 s")),
                string.Join("\n", session.Log.LogLines()));
        }
    }
}

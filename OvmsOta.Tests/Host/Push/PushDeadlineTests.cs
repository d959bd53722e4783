using System;
using System.Diagnostics;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.Push;
using OvmsOta.Simulator.UpdateServer;

namespace OvmsOta.Tests.Host.Push
{
    /// <summary>
    /// A stranger who trickles a request head (one byte every 2 s, no secret) must not hold the one-connection push port:
    /// it is cut at the head deadline and the owner, waiting in the backlog, gets in right after.
    /// </summary>
    [TestClass]
    public class PushDeadlineTests
    {
        // The head deadline, the listener's 2 s drain after the answer, and slack for a loaded machine.
        static readonly TimeSpan OwnerBound = TimeSpan.FromMilliseconds(ConnectionDeadline.HeadMilliseconds + 2000 + 6000);

        [TestMethod]
        public void ASlowStrangerIsCutAtTheHeadDeadlineAndTheOwnerGetsInRightAfter()
        {
            using var rig = new PushRig();
            byte[] image = DemoTree.Build("3.3.006-77-gslowpeer", 50_000);
            using var stranger = new TcpClient("127.0.0.1", rig.Listener.EndPoint.Port);
            NetworkStream strangerStream = stranger.GetStream();
            using var stop = new CancellationTokenSource();
            Stopwatch sinceStranger = Stopwatch.StartNew();
            Task trickle = Task.Run(() =>
            {
                byte[] head = Encoding.ASCII.GetBytes("POST /update HTTP/1.1\r\nHost: module\r\nAuthorization: Bearer guessing-the-secret\r\n\r\n");
                try
                {
                    foreach (byte b in head)
                    {
                        strangerStream.WriteByte(b);
                        if (stop.Token.WaitHandle.WaitOne(2000))
                            return;
                    }
                }
                catch (IOException)
                {
                    // Cut by the module.
                }
            });
            Thread.Sleep(1000);

            var (status, body) = rig.Post(PushRig.Form(image));
            TimeSpan ownerIn = sinceStranger.Elapsed;

            Assert.AreEqual(200, status, body);
            Assert.IsTrue(ownerIn < OwnerBound, "the owner waited " + ownerIn + " behind a trickling stranger (bound " + OwnerBound + ")");
            strangerStream.ReadTimeout = 5000;
            string answer = new StreamReader(strangerStream, Encoding.ASCII).ReadToEnd();
            StringAssert.Contains(answer, "request head or login not complete within 10 s");
            stop.Cancel();
            trickle.Wait(5000);
        }
    }
}

using System;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.Config;
using OvmsOta.Flash;
using OvmsOta.Module;
using OvmsOta.Partitions;
using OvmsOta.Simulator.UpdateServer;

namespace OvmsOta.Tests.Host.Push
{
    /// <summary>
    /// The simulator's push endpoint against the rest of the module: a reset ends what the old engine was doing (as a
    /// real reset does), and a push does not wait behind a shell command.
    /// </summary>
    [TestClass]
    public class PushAcrossResetTests
    {
        const string Boundary = "----ovmsota-reset-test";

        [TestMethod]
        public void AResetEndsAPushInProgressAndTheOldPushWritesNothingAfterIt()
        {
            using var rig = new PushRig();
            byte[] image = DemoTree.Build("3.3.006-77-gpushed01", 200_000);
            PartitionTable table = rig.Module.Module.Engine.Slots.Table;
            using var client = new TcpClient();
            client.Connect(rig.Listener.EndPoint);
            NetworkStream stream = client.GetStream();
            byte[] body = Form(image);
            int half = body.Length / 2;
            stream.Write(Head(body.Length));
            stream.Write(body, 0, half);
            WaitUntil(() => rig.Module.RawFlash.Counters.Total.WriteBytes > image.Length / 4, "the push to start writing");

            rig.Module.PowerOn();
            byte[] running = Region(rig, table.Find(rig.Module.LastBoot.Partition.Label));
            byte[] otadata = Region(rig, table.OtaData);
            rig.Module.RawFlash.Counters.Clear();
            try
            {
                stream.Write(body, half, body.Length - half);
                client.Client.Shutdown(SocketShutdown.Send);
                ReadToEnd(stream);
            }
            catch (IOException)
            {
                // The reset module may drop the connection: what matters is the flash.
            }

            Assert.AreEqual(0, rig.Module.RawFlash.Counters.Total.Changes,
                "the push of the engine before the reset wrote or erased flash after it");
            CollectionAssert.AreEqual(running, Region(rig, table.Find(rig.Module.LastBoot.Partition.Label)), "the running slot changed");
            CollectionAssert.AreEqual(otadata, Region(rig, table.OtaData), "otadata changed");
            Assert.AreEqual("ota_0", rig.Module.Module.Engine.Slots.BootSlots.BootPartition().Label);
        }

        [TestMethod]
        public void AConfigStoreOfTheEngineBeforeAResetNeverWritesAfterIt()
        {
            using var rig = new PushRig();
            OtaModule old = rig.Module.Module;

            rig.Module.PowerOn();
            rig.Module.RawFlash.Counters.Clear();

            Assert.ThrowsExactly<PowerLossException>(() => old.Engine.ConfigStore.Set(ConfigParams.Ota, ConfigParams.Tag, "edge"));
            Assert.AreEqual(0, rig.Module.RawFlash.Counters.Total.Changes);
            Assert.AreNotEqual("edge", rig.Module.Module.Engine.ConfigStore.Stored(ConfigParams.Ota, ConfigParams.Tag));
        }

        [TestMethod]
        public void WhileAShellCommandRunsAPushIsAnswered409AtOnce()
        {
            using var rig = new PushRig();
            // What `ota flash http` holds for its whole download: the module's Gate and the install lock.
            Monitor.Enter(rig.Module.Gate);
            Assert.IsTrue(rig.Module.Module.Engine.Installer.Lock.TryEnter());
            try
            {
                Task<(int Status, string Body)> push = Task.Run(() => rig.Post(PushRig.Form(DemoTree.Build("3.3.006-77-gpushed01", 10_000))));

                Assert.IsTrue(push.Wait(TimeSpan.FromSeconds(5)), "the push waited behind the shell command instead of answering 409");
                Assert.AreEqual(409, push.Result.Status, push.Result.Body);
            }
            finally
            {
                rig.Module.Module.Engine.Installer.Lock.Exit();
                Monitor.Exit(rig.Module.Gate);
            }
        }

        [TestMethod]
        public void TheInteractiveTickerDoesNotWaitBehindAShellCommand()
        {
            using var rig = new PushRig();
            Monitor.Enter(rig.Module.Gate);
            try
            {
                Task<bool> tick = Task.Run(() => rig.Module.TickIfIdle());

                Assert.IsTrue(tick.Wait(TimeSpan.FromSeconds(5)), "a tick blocked behind the Gate (one more thread a second)");
                Assert.IsFalse(tick.Result, "skipped while the Gate is held");
            }
            finally
            {
                Monitor.Exit(rig.Module.Gate);
            }
            Assert.IsTrue(rig.Module.TickIfIdle(), "ticks when idle");
        }

        static byte[] Head(int contentLength) => Encoding.ASCII.GetBytes(
            "POST /update HTTP/1.1\r\nHost: module\r\nAuthorization: Bearer " + PushRig.Secret + "\r\n"
            + "Content-Type: multipart/form-data; boundary=" + Boundary + "\r\nContent-Length: " + contentLength + "\r\n\r\n");

        static byte[] Form(byte[] image)
        {
            var form = new MemoryStream();
            form.Write(Encoding.ASCII.GetBytes("--" + Boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"ovms3.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n"));
            form.Write(image);
            form.Write(Encoding.ASCII.GetBytes("\r\n--" + Boundary + "--\r\n"));
            return form.ToArray();
        }

        static byte[] Region(PushRig rig, PartitionEntry partition)
        {
            byte[] bytes = new byte[partition.Size];
            rig.Module.RawFlash.Read(partition.Offset, bytes, 0, bytes.Length);
            return bytes;
        }

        static void ReadToEnd(Stream stream)
        {
            stream.ReadTimeout = 10_000;
            byte[] buffer = new byte[4096];
            while (stream.Read(buffer, 0, buffer.Length) > 0)
            {
            }
        }

        static void WaitUntil(Func<bool> condition, string what)
        {
            long deadline = Environment.TickCount64 + 10_000;
            while (!condition())
            {
                Assert.IsTrue(Environment.TickCount64 < deadline, "timed out waiting for " + what);
                Thread.Sleep(10);
            }
        }
    }
}

using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.Simulator.Commands;
using OvmsOta.Simulator.UpdateServer;

namespace OvmsOta.Tests.Host.Server
{
    /// <summary>The Kestrel update server and the `ovmsota serve` verb, on 127.0.0.1 only.</summary>
    [TestClass]
    public class UpdateServerHostTests
    {
        [TestMethod]
        [DataRow("v3.3-5/edge/ovms3.bin", HttpStatusCode.OK, "application/octet-stream")]
        [DataRow("v3.3-5/edge/ovms3.ver", HttpStatusCode.OK, "text/plain")]
        [DataRow("v3.3-5/main/notes.txt", HttpStatusCode.NotFound, null)]
        [DataRow("v3.3-5/edge/", HttpStatusCode.NotFound, null)]
        [DataRow("v3.3-5/edge", HttpStatusCode.NotFound, null)]
        public void ServesOnlyBinAndVerFilesWithTheirTypes(string path, HttpStatusCode status, string type)
        {
            using var server = new FaultServer();
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

            using HttpResponseMessage response = client.GetAsync(server.Host.BaseUrl + path).GetAwaiter().GetResult();

            Assert.AreEqual(status, response.StatusCode);
            if (type != null)
                Assert.AreEqual(type, response.Content.Headers.ContentType.MediaType);
        }

        [TestMethod]
        public void APortOfZeroGivesARealLoopbackPort()
        {
            using var server = new FaultServer();
            Assert.AreEqual(IPAddress.Loopback, server.Host.EndPoint.Address);
            Assert.AreNotEqual(0, server.Host.EndPoint.Port);
            Assert.AreEqual("127.0.0.1:" + server.Host.EndPoint.Port, server.Host.OtaServerValue);
        }

        [TestMethod]
        [DataRow("localhost:8080")]
        [DataRow("8080")]
        [DataRow("127.0.0.1")]
        [DataRow("127.0.0.1:99999")]
        public void ABindThatIsNotAddressAndPortIsRefused(string bind)
        {
            var e = Assert.ThrowsExactly<ArgumentException>(() => UpdateServerHost.ParseBind(bind));
            StringAssert.Contains(e.Message, "\"" + bind + "\" is not ADDR:PORT");
        }

        [TestMethod]
        public void ServeWithABadBindExitsWithAnError()
        {
            var output = new StringWriter();
            var error = new StringWriter();
            int exit = OvmsOta.Simulator.Program.Run(new[] { "serve", Path.GetTempPath(), "--bind", "example.com:80" }, output, error);
            Assert.AreEqual(1, exit);
            StringAssert.Contains(error.ToString(), "Error: Bind address \"example.com:80\"");
        }

        [TestMethod]
        public void ServeWithAMissingFolderExitsWithAnError()
        {
            var error = new StringWriter();
            string missing = Path.Combine(Path.GetTempPath(), "ovmsota-missing-" + Guid.NewGuid().ToString("N"));
            int exit = OvmsOta.Simulator.Program.Run(new[] { "serve", missing }, new StringWriter(), error);
            Assert.AreEqual(1, exit);
            StringAssert.Contains(error.ToString(), "does not exist");
        }

        [TestMethod]
        public void ServePrintsTheOtaServerValueAndServesUntilStopped()
        {
            string root = Path.Combine(Path.GetTempPath(), "ovmsota-serve-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path.Combine(root, "v3.3-5", "main"));
            File.WriteAllText(Path.Combine(root, "v3.3-5", "main", "ovms3.ver"), "3.3.006\n");
            var output = new SyncWriter();
            using var stop = new CancellationTokenSource();
            try
            {
                var command = ServeCommand.Create(output, new StringWriter(), stop.Token);
                var rootCommand = new System.CommandLine.RootCommand { command };
                Task<int> run = Task.Run(() => rootCommand.Parse(new[] { "serve", root, "--bind", "127.0.0.1:0" }).Invoke());

                string line = output.WaitForLine("config set ota server ", TimeSpan.FromSeconds(20));
                string server = line.Substring("config set ota server ".Length).Trim();
                StringAssert.StartsWith(server, "127.0.0.1:");
                using (var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) })
                    Assert.AreEqual("3.3.006\n", client.GetStringAsync("http://" + server + "/v3.3-5/main/ovms3.ver").GetAwaiter().GetResult());

                stop.Cancel();
                Assert.IsTrue(run.Wait(TimeSpan.FromSeconds(20)), "serve did not stop");
                Assert.AreEqual(0, run.Result);
                StringAssert.Contains(output.ToString(), "Serving " + root + " at http://" + server + "/");
            }
            finally
            {
                stop.Cancel();
                Directory.Delete(root, true);
            }
        }

        /// <summary>A writer the test can wait on while the verb writes from another thread.</summary>
        sealed class SyncWriter : StringWriter
        {
            readonly object _gate = new object();

            public override void Write(char value)
            {
                lock (_gate)
                {
                    base.Write(value);
                    Monitor.PulseAll(_gate);
                }
            }

            public override void Write(string value)
            {
                lock (_gate)
                {
                    base.Write(value);
                    Monitor.PulseAll(_gate);
                }
            }

            public override void Write(char[] buffer, int index, int count)
            {
                lock (_gate)
                {
                    base.Write(buffer, index, count);
                    Monitor.PulseAll(_gate);
                }
            }

            public override string ToString()
            {
                lock (_gate)
                    return base.ToString();
            }

            public string WaitForLine(string part, TimeSpan timeout)
            {
                DateTime deadline = DateTime.UtcNow + timeout;
                lock (_gate)
                {
                    while (true)
                    {
                        string text = base.ToString();
                        int at = text.IndexOf(part, StringComparison.Ordinal);
                        int end = at < 0 ? -1 : text.IndexOf('\n', at);
                        if (end >= 0)
                            return text.Substring(at, end - at);
                        TimeSpan left = deadline - DateTime.UtcNow;
                        Assert.IsTrue(left > TimeSpan.Zero, "no line with \"" + part + "\" in: " + base.ToString());
                        Monitor.Wait(_gate, left);
                    }
                }
            }
        }
    }
}

using System;
using System.Diagnostics;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.UpdateServer;
using OvmsOta.Simulator.Net;
using OvmsOta.Tests.Portable;
using OvmsOta.Tests.Portable.Server;

namespace OvmsOta.Tests.Host.Server
{
    /// <summary>
    /// HttpFetcher with the host transport against a real Kestrel server on 127.0.0.1: each fault gives
    /// its message and the sink never sees success.
    /// </summary>
    [TestClass]
    public class HttpFetcherServerTests
    {
        // Generous for healthy requests on a busy machine; the stall tests use a short one.
        const int HealthyTimeout = 5000;
        const int ShortStall = 300;

        static FaultServer _server;
        static HttpClientTransport _transport;

        [ClassInitialize]
        public static void StartServer(TestContext context)
        {
            _server = new FaultServer();
            _transport = new HttpClientTransport();
        }

        [ClassCleanup]
        public static void StopServer()
        {
            _transport?.Dispose();
            _server?.Dispose();
        }

        [TestMethod]
        [DataRow("v3.3-5/edge/ovms3.bin")]
        [DataRow("fault/redirect")]
        [DataRow("fault/root-relative")]
        [DataRow("v3.3-5/edge/relative.bin")]
        public void TheImageArrivesWhole(string path)
        {
            var sink = new RecordingSink();
            int length = Fetcher(HealthyTimeout).Download(_server.Url(path), new byte[512], sink);

            Assert.AreEqual(FaultServer.ImageLength, length);
            CollectionAssert.AreEqual(_server.Image, sink.Written);
            Assert.IsTrue(sink.Completed);
            Assert.IsNull(sink.FailReason);
        }

        [TestMethod]
        [DataRow("v3.3-5/edge/ovms3.ver", FaultServer.EdgeVersion, "Fixed the thing\nAdded another\n")]
        [DataRow("v3.3-5/main/ovms3.ver", FaultServer.MainVersion, "Release notes\r\n")]
        public void VersionFilesWithLfAndCrLfAreRead(string path, string version, string changelog)
        {
            VersionFile file = Fetcher(HealthyTimeout).FetchVersionFile(_server.Url(path));
            Assert.AreEqual(version, file.Version);
            Assert.AreEqual(changelog, file.Changelog);
        }

        [TestMethod]
        [DataRow("v3.3-5/eap/ovms3.bin", DownloadError.HttpStatus, "/v3.3-5/eap/ovms3.bin not found on the update server (HTTP 404)")]
        [DataRow("v3.3-5/main/notes.txt", DownloadError.HttpStatus, "not found on the update server (HTTP 404)")]
        [DataRow("v3.3-5/edge/", DownloadError.HttpStatus, "not found on the update server (HTTP 404)")]
        [DataRow("fault/500", DownloadError.HttpStatus, "Update server error 500 (Internal Server Error) for http://127.0.0.1:")]
        [DataRow("fault/loop", DownloadError.BadRedirect, "Too many redirects: more than 5 starting at http://127.0.0.1:")]
        [DataRow("fault/nolength", DownloadError.InvalidLength, "Expected download file size (0) is invalid")]
        [DataRow("fault/short", DownloadError.Truncated, "Download file size (2000) does not match expected (5000)")]
        public void EachFaultHasItsMessageAndActivatesNothing(string path, DownloadError error, string message)
        {
            var sink = new RecordingSink();
            DownloadException e = Fails(Fetcher(HealthyTimeout), path, sink, error);
            Expect.Contains(message, e.Message);
        }

        [TestMethod]
        public void AStalledBodyFailsAfterTheStallTimeout()
        {
            var sink = new RecordingSink();
            var watch = Stopwatch.StartNew();
            DownloadException e = Fails(Fetcher(ShortStall), "fault/stall", sink, DownloadError.Stalled);

            Expect.Contains("Download stalled: the update server sent no data for 300 ms (at 1000 of 5000 bytes", e.Message);
            Assert.AreEqual(1000, sink.Written.Length);
            Assert.IsTrue(watch.ElapsedMilliseconds < FaultServer.StallHoldMilliseconds, watch.ElapsedMilliseconds + " ms");
        }

        [TestMethod]
        public void AServerThatSendsNoHeadersIsARequestFailure()
        {
            var sink = new RecordingSink();
            var watch = Stopwatch.StartNew();
            DownloadException e = Fails(Fetcher(ShortStall), "fault/stall-headers", sink, DownloadError.RequestFailed);

            Expect.Contains("Request failed: http://127.0.0.1:", e.Message);
            Expect.Contains("no response headers within 300 ms", e.Message);
            Assert.AreEqual(-1, sink.BegunWith);
            Assert.IsTrue(watch.ElapsedMilliseconds < FaultServer.StallHoldMilliseconds, watch.ElapsedMilliseconds + " ms");
        }

        [TestMethod]
        public void NobodyListeningIsARequestFailure()
        {
            // Port 1 on loopback: nothing listens there in a test environment.
            var sink = new RecordingSink();
            var e = (DownloadException)Expect.Throws(typeof(DownloadException),
                () => Fetcher(HealthyTimeout).Download("127.0.0.1:1/v3.3-5/main/ovms3.bin", new byte[512], sink));
            Assert.AreEqual(DownloadError.RequestFailed, e.Error);
            Expect.Contains("Request failed: http://127.0.0.1:1/v3.3-5/main/ovms3.bin", e.Message);
        }

        [TestMethod]
        public void SurplusBytesFromARealSocketAreRefused()
        {
            byte[] body = FaultServer.Pattern(FaultServer.ImageLength + 100);
            using var raw = new RawFaultServer(FaultServer.ImageLength, body);
            var fetcher = new HttpFetcher(new RawSocketTransport(), new OvmsOta.Simulator.Net.HostMonotonicClock(), "ovms/test");
            fetcher.StallTimeoutMilliseconds = HealthyTimeout;
            var sink = new RecordingSink();

            var e = (DownloadException)Expect.Throws(typeof(DownloadException),
                () => fetcher.Download(raw.Url("ovms3.bin"), new byte[4096], sink));

            Assert.AreEqual(DownloadError.Surplus, e.Error);
            Assert.AreEqual(FaultServer.ImageLength, sink.Written.Length);
            Assert.AreEqual(e.Message, sink.FailReason);
            Assert.IsFalse(sink.Completed);
        }

        [TestMethod]
        public void HttpClientDropsSurplusBytesItself()
        {
            // What the host transport does with the same server: .NET frames the body by Content-Length,
            // so exactly the announced bytes arrive and the surplus never reaches HttpFetcher.
            byte[] body = FaultServer.Pattern(FaultServer.ImageLength + 100);
            using var raw = new RawFaultServer(FaultServer.ImageLength, body);
            var sink = new RecordingSink();

            Fetcher(HealthyTimeout).Download(raw.Url("ovms3.bin"), new byte[4096], sink);

            CollectionAssert.AreEqual(FaultServer.Pattern(FaultServer.ImageLength), sink.Written);
            Assert.IsTrue(sink.Completed);
        }

        static HttpFetcher Fetcher(int stallTimeout)
        {
            var fetcher = new HttpFetcher(_transport, new OvmsOta.Simulator.Net.HostMonotonicClock(), "ovms/v3.3-5 (TEST 3.3.005/ota_0/main)");
            fetcher.StallTimeoutMilliseconds = stallTimeout;
            fetcher.OverallTimeoutMilliseconds = 20000;
            return fetcher;
        }

        static DownloadException Fails(HttpFetcher fetcher, string path, RecordingSink sink, DownloadError error)
        {
            var e = (DownloadException)Expect.Throws(typeof(DownloadException),
                () => fetcher.Download(_server.Url(path), new byte[512], sink));
            Assert.AreEqual(error, e.Error, e.Message);
            Assert.IsFalse(sink.Completed);
            if (sink.BegunWith >= 0)
                Assert.AreEqual(e.Message, sink.FailReason);
            return e;
        }
    }
}

#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System.Text;
using OvmsOta.UpdateServer;

namespace OvmsOta.Tests.Portable.Server
{
    /// <summary>HttpFetcher against scripted responses: statuses, redirects, lengths, stalls and timeouts.</summary>
    [TestClass]
    public class HttpFetcherTests
    {
        const string Image = "http://updates.test/v3.3-5/edge/ovms3.bin";
        const int Stall = 300;

        [TestMethod]
        [DataRow(1024, 512, 0)]
        [DataRow(5000, 512, 0)]
        [DataRow(5000, 4096, 3)]
        [DataRow(5000, 1, 0)]
        public void AnImageArrivesWholeThroughTheCallersBuffer(int length, int bufferSize, int zeros)
        {
            FakeClock clock = new FakeClock();
            FakeTransport transport = new FakeTransport();
            byte[] data = Pattern(length);
            ScriptedBody body = new ScriptedBody(data, clock);
            body.ZerosBeforeEachChunk = zeros;
            transport.Serve(Image, new FakeResponse(200, length, null, body));
            RecordingSink sink = new RecordingSink();

            int got = Fetcher(transport, clock).Download(Image, new byte[bufferSize], sink);

            Assert.AreEqual(length, got);
            Assert.AreEqual(length, sink.BegunWith);
            CollectionAssert.AreEqual(data, sink.Written);
            Assert.IsTrue(sink.Completed);
            Assert.IsNull(sink.FailReason);
            Assert.IsTrue(transport.AllDisposed());
            Assert.AreEqual("ovms/test", transport.LastUserAgent);
            Assert.AreEqual(Stall, transport.LastTimeout);
        }

        [TestMethod]
        public void ASchemelessUrlIsRequestedOverHttp()
        {
            FakeClock clock = new FakeClock();
            FakeTransport transport = new FakeTransport();
            transport.Serve(Image, new FakeResponse(200, 2048, null, new ScriptedBody(Pattern(2048), clock)));
            RecordingSink sink = new RecordingSink();

            Fetcher(transport, clock).Download("updates.test/v3.3-5/edge/ovms3.bin", new byte[512], sink);

            Assert.AreEqual(Image, (string)transport.Requests[0]);
            Assert.IsTrue(sink.Completed);
        }

        [TestMethod]
        [DataRow(404, "not found on the update server (HTTP 404)")]
        [DataRow(500, "Update server error 500 (Internal Server Error) for " + Image)]
        [DataRow(503, "Update server error 503 (Service Unavailable)")]
        [DataRow(599, "Update server error 599 for")]
        [DataRow(403, "Unexpected HTTP status 403 (Forbidden) from " + Image + ": expected 200")]
        [DataRow(304, "Unexpected HTTP status 304 (Not Modified)")]
        [DataRow(201, "Unexpected HTTP status 201 from")]
        public void AStatusOtherThan200IsRefusedBeforeTheSinkBegins(int status, string message)
        {
            FakeClock clock = new FakeClock();
            FakeTransport transport = new FakeTransport();
            transport.Serve(Image, new FakeResponse(status, 4096, null, new ScriptedBody(Pattern(4096), clock)));
            RecordingSink sink = new RecordingSink();

            DownloadException e = Fails(DownloadError.HttpStatus, transport, clock, sink);

            Expect.Contains(message, e.Message);
            Assert.AreEqual(-1, sink.BegunWith);
            Assert.IsTrue(transport.AllDisposed());
        }

        [TestMethod]
        [DataRow(-1, "Expected download file size (0) is invalid")]
        [DataRow(0, "Expected download file size (0) is invalid")]
        [DataRow(1023, "Expected download file size (1023) is invalid")]
        public void AnImageNeedsAContentLengthOfAtLeast1024(int length, string message)
        {
            FakeClock clock = new FakeClock();
            FakeTransport transport = new FakeTransport();
            transport.Serve(Image, new FakeResponse(200, length, null, new ScriptedBody(Pattern(1023), clock)));
            RecordingSink sink = new RecordingSink();

            DownloadException e = Fails(DownloadError.InvalidLength, transport, clock, sink);

            Assert.AreEqual(message, e.Message);
            Assert.AreEqual(-1, sink.BegunWith);
        }

        [TestMethod]
        [DataRow("/elsewhere/image.bin", "http://updates.test/elsewhere/image.bin")]
        [DataRow("image.bin", "http://updates.test/v3.3-5/edge/image.bin")]
        [DataRow("https://mirror.test/ovms3.bin", "https://mirror.test/ovms3.bin")]
        [DataRow("mirror.test/ovms3.bin", "http://updates.test/v3.3-5/edge/mirror.test/ovms3.bin")]
        public void RedirectsAreFollowed(string location, string target)
        {
            FakeClock clock = new FakeClock();
            FakeTransport transport = new FakeTransport();
            transport.Serve(Image, new FakeResponse(302, 0, location, null));
            transport.Serve(target, new FakeResponse(200, 2048, null, new ScriptedBody(Pattern(2048), clock)));
            RecordingSink sink = new RecordingSink();

            Fetcher(transport, clock).Download(Image, new byte[512], sink);

            Assert.AreEqual(2, transport.Requests.Count);
            Assert.AreEqual(target, (string)transport.Requests[1]);
            Assert.IsTrue(sink.Completed);
            Assert.IsTrue(transport.AllDisposed());
        }

        [TestMethod]
        [DataRow(5, true)]
        [DataRow(6, false)]
        public void AtMostFiveRedirectsAreFollowed(int hops, bool succeeds)
        {
            FakeClock clock = new FakeClock();
            FakeTransport transport = new FakeTransport();
            string url = Image;
            for (int i = 1; i <= hops; i++)
            {
                string next = "http://updates.test/hop" + i.ToString();
                transport.Serve(url, new FakeResponse(i % 2 == 0 ? 307 : 301, 0, next, null));
                url = next;
            }
            transport.Serve(url, new FakeResponse(200, 2048, null, new ScriptedBody(Pattern(2048), clock)));
            RecordingSink sink = new RecordingSink();

            if (succeeds)
            {
                Fetcher(transport, clock).Download(Image, new byte[512], sink);
                Assert.IsTrue(sink.Completed);
                return;
            }
            DownloadException e = Fails(DownloadError.BadRedirect, transport, clock, sink);
            Expect.Contains("Too many redirects: more than 5 starting at " + Image, e.Message);
            Assert.AreEqual(6, transport.Requests.Count);
            Assert.IsTrue(transport.AllDisposed());
        }

        [TestMethod]
        public void ARedirectLoopEnds()
        {
            FakeClock clock = new FakeClock();
            FakeTransport transport = new FakeTransport();
            transport.Serve(Image, new FakeResponse(302, 0, Image, null));

            DownloadException e = Fails(DownloadError.BadRedirect, transport, clock, new RecordingSink());

            Expect.Contains("Too many redirects", e.Message);
            Assert.AreEqual(6, transport.Requests.Count);
        }

        [TestMethod]
        [DataRow("file:///etc/passwd", "file")]
        [DataRow("ftp://mirror.test/ovms3.bin", "ftp")]
        [DataRow("data:application/octet-stream;base64,6QA=", "data")]
        [DataRow("FILE:ovms3.bin", "FILE")]
        public void ARedirectToAnotherSchemeIsRefused(string location, string scheme)
        {
            FakeClock clock = new FakeClock();
            FakeTransport transport = new FakeTransport();
            transport.Serve(Image, new FakeResponse(302, 0, location, null));

            DownloadException e = Fails(DownloadError.BadRedirect, transport, clock, new RecordingSink());

            Assert.AreEqual("Redirect (HTTP 302) from " + Image + " to " + location + " refused: scheme \"" + scheme
                + "\" is not followed, only http:// and https://", e.Message);
            Assert.AreEqual(1, transport.Requests.Count);
        }

        [TestMethod]
        public void ARedirectWithoutLocationIsRefused()
        {
            FakeClock clock = new FakeClock();
            FakeTransport transport = new FakeTransport();
            transport.Serve(Image, new FakeResponse(302, 0, null, null));

            DownloadException e = Fails(DownloadError.BadRedirect, transport, clock, new RecordingSink());

            Assert.AreEqual("Redirect (HTTP 302) from " + Image + " has no Location header", e.Message);
        }

        [TestMethod]
        public void AFailedConnectionIsARequestFailure()
        {
            FakeClock clock = new FakeClock();
            DownloadException e = Fails(DownloadError.RequestFailed, new FakeTransport(), clock, new RecordingSink());
            Expect.Contains("Request failed: " + Image + ": Connection refused", e.Message);
        }

        [TestMethod]
        [DataRow(2000)]
        [DataRow(0)]
        [DataRow(4999)]
        public void ABodyThatEndsEarlyIsASizeMismatch(int sent)
        {
            FakeClock clock = new FakeClock();
            FakeTransport transport = new FakeTransport();
            transport.Serve(Image, new FakeResponse(200, 5000, null, new ScriptedBody(Pattern(sent), clock)));
            RecordingSink sink = new RecordingSink();

            DownloadException e = Fails(DownloadError.Truncated, transport, clock, sink);

            Assert.AreEqual("Download file size (" + sent.ToString() + ") does not match expected (5000)", e.Message);
            AssertFailed(sink, e);
            Assert.AreEqual(sent, sink.Written.Length);
        }

        [TestMethod]
        [DataRow(5001, 512)]
        [DataRow(9000, 8192)]
        [DataRow(5001, 1)]
        public void SurplusBytesAreRefusedAndNeverWritten(int sent, int bufferSize)
        {
            FakeClock clock = new FakeClock();
            FakeTransport transport = new FakeTransport();
            transport.Serve(Image, new FakeResponse(200, 5000, null, new ScriptedBody(Pattern(sent), clock)));
            RecordingSink sink = new RecordingSink();

            DownloadException e = FailsWithBuffer(DownloadError.Surplus, transport, clock, sink, bufferSize);

            Assert.AreEqual("Download file size (more than 5000) does not match expected (5000): the server sent more than its Content-Length", e.Message);
            AssertFailed(sink, e);
            Assert.AreEqual(5000, sink.Written.Length);
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(2000)]
        public void AStalledBodyFailsAfterTheStallTimeout(int stallAt)
        {
            FakeClock clock = new FakeClock();
            FakeTransport transport = new FakeTransport();
            ScriptedBody body = new ScriptedBody(Pattern(5000), clock);
            body.StallAt = stallAt;
            transport.Serve(Image, new FakeResponse(200, 5000, null, body));
            RecordingSink sink = new RecordingSink();

            DownloadException e = Fails(DownloadError.Stalled, transport, clock, sink);

            Assert.AreEqual("Download stalled: the update server sent no data for 300 ms (at " + stallAt.ToString()
                + " of 5000 bytes from " + Image + ")", e.Message);
            AssertFailed(sink, e);
            Assert.IsTrue(clock.Milliseconds >= Stall, "waited " + clock.Milliseconds.ToString() + " ms");
            Assert.IsTrue(clock.Milliseconds < Stall + 50, "waited " + clock.Milliseconds.ToString() + " ms");
            Assert.IsTrue(body.Reads < 100, body.Reads.ToString() + " reads");
        }

        [TestMethod]
        public void ZerosShorterThanTheStallTimeoutAreWaitedOut()
        {
            FakeClock clock = new FakeClock();
            FakeTransport transport = new FakeTransport();
            ScriptedBody body = new ScriptedBody(Pattern(5000), clock);
            body.ZerosBeforeEachChunk = 25; // 25 pauses of 10 ms: 250 ms, under the 300 ms stall timeout
            transport.Serve(Image, new FakeResponse(200, 5000, null, body));
            RecordingSink sink = new RecordingSink();

            Fetcher(transport, clock).Download(Image, new byte[512], sink);

            Assert.IsTrue(sink.Completed);
            // 10 reads of 512 bytes, 25 pauses before each of the last 9.
            Assert.AreEqual(9 * 25, clock.Pauses);
        }

        [TestMethod]
        public void AReadTimeoutFromTheTransportIsAStall()
        {
            FakeClock clock = new FakeClock();
            FakeTransport transport = new FakeTransport();
            ScriptedBody body = new ScriptedBody(Pattern(5000), clock);
            body.TimeoutAt = 1400;
            transport.Serve(Image, new FakeResponse(200, 5000, null, body));
            RecordingSink sink = new RecordingSink();

            DownloadException e = Fails(DownloadError.Stalled, transport, clock, sink);

            Expect.Contains("(at 1400 of 5000 bytes", e.Message);
            AssertFailed(sink, e);
        }

        [TestMethod]
        public void ASlowTransferEndsAtTheOverallTimeout()
        {
            FakeClock clock = new FakeClock();
            FakeTransport transport = new FakeTransport();
            ScriptedBody body = new ScriptedBody(Pattern(50000), clock);
            body.ChunkSize = 100;
            body.MillisecondsPerRead = 200; // each read is under the stall timeout, the sum is not
            transport.Serve(Image, new FakeResponse(200, 50000, null, body));
            RecordingSink sink = new RecordingSink();
            HttpFetcher fetcher = Fetcher(transport, clock);
            fetcher.OverallTimeoutMilliseconds = 5000;

            DownloadException e = (DownloadException)Expect.Throws(typeof(DownloadException), () => fetcher.Download(Image, new byte[512], sink));

            Assert.AreEqual((int)DownloadError.TimedOut, (int)e.Error);
            Expect.Contains("took longer than 5 s (at ", e.Message);
            AssertFailed(sink, e);
        }

        [TestMethod]
        public void ASinkErrorFailsTheDownloadWithItsOwnException()
        {
            FakeClock clock = new FakeClock();
            FakeTransport transport = new FakeTransport();
            transport.Serve(Image, new FakeResponse(200, 5000, null, new ScriptedBody(Pattern(5000), clock)));
            RecordingSink sink = new RecordingSink();
            sink.FailOnWrite = 2;

            System.Exception e = Expect.Throws(typeof(System.IO.IOException), () => Fetcher(transport, clock).Download(Image, new byte[512], sink));

            Assert.AreEqual(e.Message, sink.FailReason);
            Assert.IsFalse(sink.Completed);
            Assert.IsTrue(transport.AllDisposed());
        }

        [TestMethod]
        [DataRow("3.3.006-275-g85074a0ae\r\nline 1\r\n", "3.3.006-275-g85074a0ae", "line 1\r\n", 1)]
        [DataRow("3.3.006-275-g85074a0ae\nline 1\n", "3.3.006-275-g85074a0ae", "line 1\n", -1)]
        public void AVersionFileIsFetchedAndParsed(string text, string version, string changelog, int withLength)
        {
            FakeClock clock = new FakeClock();
            FakeTransport transport = new FakeTransport();
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            transport.Serve("http://updates.test/v3.3-5/edge/ovms3.ver",
                new FakeResponse(200, withLength > 0 ? bytes.Length : -1, null, new ScriptedBody(bytes, clock)));

            VersionFile file = Fetcher(transport, clock).FetchVersionFile("updates.test/v3.3-5/edge/ovms3.ver");

            Assert.AreEqual(version, file.Version);
            Assert.AreEqual(changelog, file.Changelog);
            Assert.IsTrue(transport.AllDisposed());
        }

        [TestMethod]
        [DataRow(16385, 16385, "is too large (16385 bytes): at most 16384 bytes expected")]
        [DataRow(-1, 20000, "is too large (more): at most 16384 bytes expected")]
        public void AnOversizedVersionFileIsRefused(int announced, int sent, string message)
        {
            FakeClock clock = new FakeClock();
            FakeTransport transport = new FakeTransport();
            transport.Serve(Image, new FakeResponse(200, announced, null, new ScriptedBody(Pattern(sent), clock)));

            DownloadException e = (DownloadException)Expect.Throws(typeof(DownloadException), () => Fetcher(transport, clock).FetchVersionFile(Image));

            Assert.AreEqual((int)DownloadError.TooLarge, (int)e.Error);
            Expect.Contains(message, e.Message);
        }

        [TestMethod]
        public void AVersionFileNeedsStatus200()
        {
            FakeClock clock = new FakeClock();
            FakeTransport transport = new FakeTransport();
            transport.Serve(Image, new FakeResponse(404, 10, null, new ScriptedBody(Encoding.UTF8.GetBytes("3.3.006\nx\n"), clock)));

            DownloadException e = (DownloadException)Expect.Throws(typeof(DownloadException), () => Fetcher(transport, clock).FetchVersionFile(Image));

            Assert.AreEqual((int)DownloadError.HttpStatus, (int)e.Error);
        }

        static HttpFetcher Fetcher(FakeTransport transport, FakeClock clock)
        {
            HttpFetcher fetcher = new HttpFetcher(transport, clock, "ovms/test");
            fetcher.StallTimeoutMilliseconds = Stall;
            return fetcher;
        }

        static DownloadException Fails(DownloadError error, FakeTransport transport, FakeClock clock, RecordingSink sink)
        {
            return FailsWithBuffer(error, transport, clock, sink, 512);
        }

        static DownloadException FailsWithBuffer(DownloadError error, FakeTransport transport, FakeClock clock, RecordingSink sink, int bufferSize)
        {
            DownloadException e = (DownloadException)Expect.Throws(typeof(DownloadException),
                () => Fetcher(transport, clock).Download(Image, new byte[bufferSize], sink));
            Assert.AreEqual((int)error, (int)e.Error, e.Message);
            Assert.IsFalse(sink.Completed);
            return e;
        }

        static void AssertFailed(RecordingSink sink, DownloadException e)
        {
            Assert.AreEqual(e.Message, sink.FailReason);
            Assert.IsFalse(sink.Completed);
        }

        static byte[] Pattern(int length)
        {
            byte[] data = new byte[length];
            for (int i = 0; i < length; i++)
                data[i] = (byte)(i * 7 + (i >> 8));
            return data;
        }
    }
}

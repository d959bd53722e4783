#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.UpdateServer;

namespace OvmsOta.Tests.Portable.Server
{
    /// <summary>
    /// ResumableDownload against a server that answers Range (or not): the version-first request, resuming after drops,
    /// a restart from byte 0 when Range is ignored or the image changed, the retry cap and its backoff.
    /// </summary>
    [TestClass]
    public class ResumableDownloadTests
    {
        const string Url = "http://updates.test/v3.3-5/edge/ovms3.bin";
        const int Length = 40000;

        static byte[] Pattern(int length, int seed)
        {
            byte[] data = new byte[length];
            uint x = (uint)seed * 2654435761u + 1;
            for (int i = 0; i < length; i++)
            {
                x = x * 1103515245u + 12345u;
                data[i] = (byte)(x >> 16);
            }
            return data;
        }

        static ResumableDownload Download(RangeServer server, FakeClock clock)
        {
            return new ResumableDownload(new HttpFetcher(server, clock, "test"), null);
        }

        [TestMethod]
        public void ALinkThatDropsOftenButDeliversInBetweenIsFollowedToTheEnd()
        {
            FakeClock clock = new FakeClock();
            RangeServer server = new RangeServer(clock);
            byte[] image = Pattern(Length, 8);
            server.Put(Url, image, "\"v1\"");
            for (int i = 1; i <= 12; i++)
                server.DropAt(3000 * i);
            ResumingSink sink = new ResumingSink();
            ResumableDownload download = Download(server, clock);

            download.Download(Url, new byte[4096], sink);

            CollectionAssert.AreEqual(image, sink.Data);
            Assert.AreEqual(12, download.Resumes);
            Assert.AreEqual(Length, server.BytesSent);
        }

        [TestMethod]
        public void TheFirstRequestAsksForTheHeaderOnlyAndNoByteTravelsTwice()
        {
            FakeClock clock = new FakeClock();
            RangeServer server = new RangeServer(clock);
            byte[] image = Pattern(Length, 1);
            server.Put(Url, image, "\"v1\"");
            ResumingSink sink = new ResumingSink();
            ResumableDownload download = Download(server, clock);

            Assert.AreEqual(Length, download.Download(Url, new byte[4096], sink));

            Assert.AreEqual(Url + " bytes=0-287", server.Request(0));
            Assert.AreEqual(Url + " bytes=288-", server.Request(1));
            Assert.AreEqual(2, server.Requests.Count);
            // The sink learnt the image (length, ETag) and its head before any other byte.
            Assert.AreEqual(Length, sink.Identity.Length);
            Assert.AreEqual("\"v1\"", sink.Identity.ETag);
            Assert.AreEqual(image[287], sink.Head[287]);
            CollectionAssert.AreEqual(image, sink.Data);
            Assert.IsTrue(sink.Completed);
            Assert.AreEqual(Length, server.BytesSent);
            Assert.AreEqual(Length, download.BytesReceived);
        }

        [TestMethod]
        [DataRow(1000, -1, -1)]
        [DataRow(4096, 20000, -1)]
        [DataRow(12345, 20001, 39999)]
        public void DropsResumeWithRangeFromTheByteHeldAndTheResultIsIdentical(int first, int second, int third)
        {
            FakeClock clock = new FakeClock();
            RangeServer server = new RangeServer(clock);
            byte[] image = Pattern(Length, 2);
            server.Put(Url, image, "\"v1\"");
            int drops = 0;
            int[] points = new int[] { first, second, third };
            for (int i = 0; i < points.Length; i++)
            {
                if (points[i] < 0)
                    continue;
                server.DropAt(points[i]);
                drops++;
            }
            ResumingSink sink = new ResumingSink();
            ResumableDownload download = Download(server, clock);

            download.Download(Url, new byte[4096], sink);

            CollectionAssert.AreEqual(image, sink.Data);
            Assert.IsTrue(sink.Completed);
            Assert.AreEqual(0, sink.Restarts);
            Assert.AreEqual(drops, download.Resumes);
            Assert.AreEqual(2 + drops, server.Requests.Count);
            for (int i = 0; i < drops; i++)
                Assert.AreEqual(Url + " bytes=" + points[i].ToString() + "-", server.Request(2 + i));
            // Nothing fetched twice: a drop costs a request, not bytes.
            Assert.AreEqual(Length, server.BytesSent);
        }

        [TestMethod]
        public void BytesTheSinkHoldsFromAnEarlierAttemptAreNotFetchedAgain()
        {
            FakeClock clock = new FakeClock();
            RangeServer server = new RangeServer(clock);
            byte[] image = Pattern(Length, 3);
            server.Put(Url, image, "\"v1\"");
            ResumingSink sink = new ResumingSink();
            byte[] prefix = new byte[24576];
            System.Array.Copy(image, prefix, prefix.Length);
            sink.Prefix = prefix;
            ResumableDownload download = Download(server, clock);

            download.Download(Url, new byte[4096], sink);

            Assert.AreEqual(Url + " bytes=24576-", server.Request(1));
            CollectionAssert.AreEqual(image, sink.Data);
            Assert.AreEqual(ResumableDownload.ProbeLength + Length - prefix.Length, server.BytesSent);
            Assert.AreEqual(1, download.Resumes);
        }

        [TestMethod]
        public void AServerThatIgnoresRangeStartsAgainFromByteZero()
        {
            FakeClock clock = new FakeClock();
            RangeServer server = new RangeServer(clock);
            server.IgnoresRange = true;
            byte[] image = Pattern(Length, 4);
            server.Put(Url, image, null);
            server.DropAt(30000);
            ResumingSink sink = new ResumingSink();
            byte[] prefix = new byte[8192];
            sink.Prefix = prefix; // never used: without the head nothing may be resumed
            ResumableDownload download = Download(server, clock);

            download.Download(Url, new byte[4096], sink);

            CollectionAssert.AreEqual(image, sink.Data);
            Assert.AreEqual(1, sink.Restarts);
            Assert.AreEqual(2, sink.Opens);
            Assert.AreEqual(1, download.Restarts);
            Assert.AreEqual(0, download.Resumes);
            Assert.AreEqual(30000 + Length, server.BytesSent);
        }

        [TestMethod]
        public void AnImageThatChangedDuringTheDownloadIsFetchedAgainVersionFirst()
        {
            FakeClock clock = new FakeClock();
            RangeServer server = new RangeServer(clock);
            byte[] first = Pattern(Length, 5);
            byte[] second = Pattern(Length + 5000, 6);
            server.Put(Url, first, "\"v1\"");
            server.DropAt(16000);
            ResumingSink sink = new ResumingSink();
            ResumableDownload download = Download(server, clock);
            // The drop happens; before the retry the server gets a new build.
            server.ReplaceAfterNextDrop(Url, second, "\"v2\"");

            download.Download(Url, new byte[4096], sink);

            CollectionAssert.AreEqual(second, sink.Data);
            Assert.AreEqual(1, sink.Restarts);
            Assert.AreEqual(1, download.Restarts);
            Assert.AreEqual(Length + 5000, sink.Identity.Length);
            Assert.AreEqual("\"v2\"", sink.Identity.ETag);
            // probe, rest (dropped), rest again (206 of another image: refused), probe, rest.
            Assert.AreEqual(Url + " bytes=16000-", server.Request(2));
            Assert.AreEqual(Url + " bytes=0-287", server.Request(3));
        }

        [TestMethod]
        public void RetriesInARowWithoutProgressStopAtTheCapWithADoublingBackoff()
        {
            FakeClock clock = new FakeClock();
            RangeServer server = new RangeServer(clock);
            byte[] image = Pattern(Length, 7);
            server.Put(Url, image, "\"v1\"");
            server.DropAt(1000);
            server.RefuseAfterDrop = true;
            ResumingSink sink = new ResumingSink();
            ResumableDownload download = Download(server, clock);
            download.MaximumRetries = 3;
            long before = clock.Milliseconds;

            DownloadException e = (DownloadException)Expect.Throws(typeof(DownloadException), delegate { download.Download(Url, new byte[4096], sink); });

            Assert.AreEqual((int)DownloadError.RequestFailed, (int)e.Error);
            Expect.Contains("gave up after 3 retries", e.Message);
            Assert.IsNotNull(sink.FailReason);
            Assert.IsFalse(sink.Completed);
            // probe, the rest (dropped at 1000), then three refused retries in a row: no progress, so the cap stops it.
            Assert.AreEqual(5, server.Requests.Count);
            Assert.AreEqual(1000, sink.Held);
            Assert.IsTrue(clock.Milliseconds - before >= 2000 + 4000 + 8000, "backoff 2 s, 4 s, 8 s");
        }
    }
}

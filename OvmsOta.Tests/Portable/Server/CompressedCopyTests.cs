#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.Flash;
using OvmsOta.Simulation;
using OvmsOta.Tests.Portable.Compression;
using OvmsOta.Tests.Portable.Flash;
using OvmsOta.UpdateServer;

namespace OvmsOta.Tests.Portable.Server
{
    /// <summary>
    /// The gzip copy beside an image (ovms3.bin.gz) through ResumableDownload, GzipReader and the build's decoder (zlib on
    /// the host, the stored-block double on nanoCLR): its bytes used when it holds the image, a drop in it ending with
    /// the same bytes, a corrupt one refused with the sink voided. The copies are stored blocks (no compressor runs on
    /// nanoCLR); Host/Server/CompressedDownloadTests does the same with real compression.
    /// </summary>
    [TestClass]
    public class CompressedCopyTests
    {
        const string Url = "http://updates.test/v3.3-5/edge/ovms3.bin";

        [TestMethod]
        public void The_gzip_copy_is_fetched_after_the_header_and_inflates_to_the_image()
        {
            byte[] image = TestBytes.Pattern(20000);
            byte[] gz = StoredDeflate.Gzip(image, 3000);
            RangeServer server = Server(image, gz);
            ResumableDownload download = Download(server);
            ResumingSink sink = new ResumingSink();

            download.Download(Url, new byte[1024], sink);

            Assert.IsTrue(sink.Completed);
            Assert.AreEqual(Crc32.Compute(image, 0, image.Length), Crc32.Compute(sink.Data, 0, sink.Data.Length));
            Assert.IsTrue(download.UsedCompressed);
            Assert.AreEqual(Url + ".gz", server.Request(1));
            Assert.AreEqual(2, server.Requests.Count);
        }

        [TestMethod]
        public void A_drop_in_the_gzip_copy_ends_with_the_same_bytes()
        {
            byte[] image = TestBytes.Pattern(30000);
            byte[] gz = StoredDeflate.Gzip(image, 3000);
            RangeServer server = Server(image, gz);
            server.DropAt(gz.Length / 2);
            ResumingSink sink = new ResumingSink();

            Download(server).Download(Url, new byte[1024], sink);

            Assert.IsTrue(sink.Completed);
            Assert.AreEqual(Crc32.Compute(image, 0, image.Length), Crc32.Compute(sink.Data, 0, sink.Data.Length));
            Assert.AreEqual(0, sink.Restarts);
        }

        [TestMethod]
        public void A_gzip_copy_with_a_bad_trailer_is_refused_and_the_sink_voided()
        {
            byte[] image = TestBytes.Pattern(20000);
            byte[] gz = StoredDeflate.Gzip(image, 3000);
            gz[gz.Length - 8] ^= 1;
            ResumingSink sink = new ResumingSink();

            DownloadException e = (DownloadException)Expect.Throws(typeof(DownloadException),
                delegate { Download(Server(image, gz)).Download(Url, new byte[1024], sink); });

            Assert.AreEqual(DownloadError.BadCompression, e.Error);
            Expect.Contains("The gzip data is corrupt: it inflates to CRC-32", e.Message);
            Assert.IsFalse(sink.Completed);
            Assert.IsNotNull(sink.FailReason);
        }

        [TestMethod]
        public void A_decoder_without_memory_for_its_window_leaves_the_plain_file_to_come()
        {
            byte[] image = TestBytes.Pattern(20000);
            RangeServer server = Server(image, StoredDeflate.Gzip(image, 3000));
            ResumableDownload download = new ResumableDownload(new HttpFetcher(server, new FakeClock(), "test"), new NoMemoryDecoder());
            ResumingSink sink = new ResumingSink();

            download.Download(Url, new byte[1024], sink);

            Assert.IsTrue(sink.Completed);
            Assert.AreEqual(Crc32.Compute(image, 0, image.Length), Crc32.Compute(sink.Data, 0, sink.Data.Length));
            Assert.AreEqual(Url + " bytes=288-", server.Request(server.Requests.Count - 1), "the plain rest by Range");
        }

        /// <summary>As the device's decoder when its 32 KB window cannot be allocated.</summary>
        sealed class NoMemoryDecoder : OvmsOta.Ports.IDeflateDecoder
        {
            public void Reset()
            {
            }

            public OvmsOta.Ports.DeflateStatus Decode(byte[] input, int inOffset, int inCount, byte[] output, int outOffset,
                int outCount, out int consumed, out int produced)
            {
                throw new System.OutOfMemoryException();
            }

            public void Release()
            {
            }
        }

        static RangeServer Server(byte[] image, byte[] gz)
        {
            RangeServer server = new RangeServer(new FakeClock());
            server.Put(Url, image, "\"b1\"");
            server.Put(Url + ".gz", gz, "\"g1\"");
            return server;
        }

        static ResumableDownload Download(RangeServer server)
        {
            return new ResumableDownload(new HttpFetcher(server, new FakeClock(), "test"), PortableDeflate.Decoder());
        }
    }
}

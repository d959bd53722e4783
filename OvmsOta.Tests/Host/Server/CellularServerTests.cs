using System;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.Simulator.Compression;
using OvmsOta.Simulator.Net;
using OvmsOta.Simulator.UpdateServer;
using OvmsOta.Tests.Portable.Server;
using OvmsOta.UpdateServer;

namespace OvmsOta.Tests.Host.Server;

/// <summary>
/// The simulator's real pieces together: `publish` writes the gzip copy, Kestrel's static files answer Range with
/// Content-Range and an ETag, and the host transport hands those headers to the engine as they were sent.
/// </summary>
[TestClass]
public class CellularServerTests
{
    [TestMethod]
    public void APublishedImageComesVersionFirstThenAsItsGzipCopyOverRealHttp()
    {
        string root = Directory.CreateTempSubdirectory("ovmsota-cellular-").FullName;
        try
        {
            byte[] image = DemoTree.Build("3.3.006-9-gcell0001", 150_000);
            PublishedImage published = ImagePublisher.Publish(image, "test image", root, "v3.3-5", "edge", null);
            Assert.IsTrue(File.Exists(published.CompressedPath));
            using var gz = new MemoryStream(File.ReadAllBytes(published.CompressedPath));
            using var inflated = new System.IO.Compression.GZipStream(gz, System.IO.Compression.CompressionMode.Decompress);
            using var copy = new MemoryStream();
            inflated.CopyTo(copy);
            CollectionAssert.AreEqual(image, copy.ToArray(), "the .gz is the image");

            using UpdateServerHost host = UpdateServerHost.Start(root, "127.0.0.1:0");
            using var transport = new HttpClientTransport();
            var clock = new FakeClock();
            var download = new ResumableDownload(new HttpFetcher(transport, clock, "test"), new ZlibDeflateDecoder());
            var sink = new ResumingSink();
            string url = host.BaseUrl + "v3.3-5/edge/ovms3.bin";

            download.Download(url, new byte[4096], sink);

            CollectionAssert.AreEqual(image, sink.Data);
            Assert.AreEqual(image.Length, sink.Identity.Length, "the length came from Content-Range");
            Assert.IsNotNull(sink.Identity.ETag, "Kestrel's ETag reached the engine");
            Assert.IsTrue(download.UsedCompressed);
            Assert.AreEqual(2, download.Requests);
            Assert.AreEqual(ResumableDownload.ProbeLength + published.CompressedLength, download.BytesReceived);

            // Without the inflater: the rest by Range, each byte once.
            var plain = new ResumableDownload(new HttpFetcher(transport, clock, "test"), null);
            var plainSink = new ResumingSink();
            plain.Download(url, new byte[4096], plainSink);
            CollectionAssert.AreEqual(image, plainSink.Data);
            Assert.AreEqual(image.Length, plain.BytesReceived);
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }
}

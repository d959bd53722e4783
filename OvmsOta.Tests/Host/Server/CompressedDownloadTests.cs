using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.Flash;
using OvmsOta.Image;
using OvmsOta.Simulation;
using OvmsOta.Simulator.Compression;
using OvmsOta.Tests.Portable;
using OvmsOta.Tests.Portable.Server;
using OvmsOta.Tests.Portable.Shell;
using OvmsOta.UpdateServer;

namespace OvmsOta.Tests.Host.Server;

/// <summary>
/// The compressed copy (ovms3.bin.gz, made by .NET's GZipStream) through Core's GzipReader and the host's decoder (the
/// system's zlib): fetched when present, the plain file when not or when it is another image's, a drop in it resumed
/// the cheaper way, a corrupt one refused with nothing activated. Real compression needs a compressor, so these run on
/// the host; Portable/Server/CompressedCopyTests runs the same paths on stored-block copies on nanoCLR too.
/// </summary>
[TestClass]
public class CompressedDownloadTests
{
    const string Url = "http://updates.test/v3.3-5/edge/ovms3.bin";

    /// <summary>Compressible bytes that look a little like code: repeated instruction-like words with varying operands.</summary>
    static byte[] Compressible(int length, int seed)
    {
        var data = new byte[length];
        uint x = (uint)seed + 7;
        for (int i = 0; i < length; i += 4)
        {
            x = x * 1103515245u + 12345u;
            data[i] = 0x36;
            if (i + 1 < length) data[i + 1] = (byte)(0x41 + (x >> 28));
            if (i + 2 < length) data[i + 2] = (byte)((x >> 20) & 0x0F);
            if (i + 3 < length) data[i + 3] = 0x00;
        }
        return data;
    }

    static (RangeServer, ResumableDownload, FakeClock) Server(byte[] image, byte[]? gz)
    {
        var clock = new FakeClock();
        var server = new RangeServer(clock);
        server.Put(Url, image, "\"b1\"");
        if (gz != null)
            server.Put(Url + ".gz", gz, "\"g1\"");
        return (server, new ResumableDownload(new HttpFetcher(server, clock, "test"), new ZlibDeflateDecoder()), clock);
    }

    [TestMethod]
    public void TheCompressedCopyIsFetchedAfterTheHeaderAndInflatesToTheSameBytes()
    {
        byte[] image = Compressible(200_000, 1);
        byte[] gz = Gzip.Compress(image);
        var (server, download, _) = Server(image, gz);
        var sink = new ResumingSink();

        download.Download(Url, new byte[4096], sink);

        CollectionAssert.AreEqual(image, sink.Data);
        Assert.IsTrue(download.UsedCompressed);
        Assert.AreEqual(Url + " bytes=0-287", server.Request(0));
        Assert.AreEqual(Url + ".gz", server.Request(1));
        Assert.AreEqual(2, server.Requests.Count);
        Assert.AreEqual(ResumableDownload.ProbeLength + gz.Length, server.BytesSent);
        Assert.IsTrue(gz.Length < image.Length / 2, "the payload compresses: " + gz.Length);
    }

    [TestMethod]
    public void WithoutACompressedCopyThePlainRestComesByRange()
    {
        byte[] image = Compressible(50_000, 2);
        var (server, download, _) = Server(image, null);
        var sink = new ResumingSink();

        download.Download(Url, new byte[4096], sink);

        CollectionAssert.AreEqual(image, sink.Data);
        Assert.IsFalse(download.UsedCompressed);
        Assert.AreEqual(Url + ".gz", server.Request(1));
        Assert.AreEqual(Url + " bytes=288-", server.Request(2));
        Assert.AreEqual(image.Length, server.BytesSent, "the image once");
    }

    [TestMethod]
    public void ACompressedCopyOfAnotherImageIsLeftForThePlainFile()
    {
        byte[] image = Compressible(50_000, 3);
        var (server, download, _) = Server(image, Gzip.Compress(Compressible(50_000, 4)));
        var sink = new ResumingSink();

        download.Download(Url, new byte[4096], sink);

        CollectionAssert.AreEqual(image, sink.Data);
        Assert.AreEqual(Url + " bytes=288-", server.Request(2));
    }

    [TestMethod]
    [DataRow(50)]
    [DataRow(90)]
    public void ADropInTheCompressedStreamEndsWithTheSameBytesTakingTheCheaperWay(int percent)
    {
        byte[] image = Compressible(300_000, 5);
        byte[] gz = Gzip.Compress(image);
        var (server, download, _) = Server(image, gz);
        // The .gz request is the second: drop it at percent of its length (offsets are per file; the image's own
        // requests start at 288 and never reach a point this low for the probe).
        server.DropAt(gz.Length * percent / 100);
        var sink = new ResumingSink();

        download.Download(Url, new byte[4096], sink);

        CollectionAssert.AreEqual(image, sink.Data);
        Assert.AreEqual(0, sink.Restarts);
        Assert.IsTrue(server.Requests.Count >= 3);
    }

    [TestMethod]
    public void ACorruptCompressedImageIsRefusedAndNothingIsActivated()
    {
        ShellRig rig = ShellRig.RunningOta1();
        var server = new RangeServer(rig.Clock);
        rig.Platform.Http = server;
        rig.Platform.Deflate = new ZlibDeflateDecoder();
        rig.Start();
        var builder = new ImageBuilder("3.3.006-1-gabcdef012") { Size = 100_000 };
        byte[] image = builder.Build();
        byte[] gz = Gzip.Compress(image);
        gz[gz.Length / 2] ^= 0x55;
        server.Put(Url, image, "\"b1\"");
        server.Put(Url + ".gz", gz, "\"g1\"");
        byte[] otadata = rig.OtaData();

        string text = ShellRig.Join(rig.Run("ota flash http " + Url));

        Expect.Contains("Error: ", text);
        Expect.DoesNotContain("successful", text);
        CollectionAssert.AreEqual(otadata, rig.OtaData(), "otadata unchanged");
        var check = new SlotImageCheck(rig.Flash, new ImageValidator(), new byte[4096]);
        BootResult boot = new BootloaderModel(rig.Flash, rig.Module.Engine.Slots.Table, check, false).Boot();
        Assert.AreEqual("ota_1", boot.Partition.Label);
        // Nothing of it is resumed later: the record is void.
        Assert.AreEqual(0, rig.Module.Engine.Installer.Resume.Region.Read().Payload.Length);
    }
}

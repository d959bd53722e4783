using System;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.Compression;
using OvmsOta.Ports;
using OvmsOta.Simulator.Compression;

namespace OvmsOta.Tests.Host.Compression
{
    /// <summary>
    /// The host's deflate decoder on real compressed data (.NET's DeflateStream and GZipStream, the gzip program) fed in
    /// every piece size: byte-identical output, and at the end of the deflate data it takes not one byte more, which the
    /// gzip trailer and the next ZIP entry rely on. Core's GzipReader over it reads what gzip writes.
    /// </summary>
    [TestClass]
    public class ZlibDeflateDecoderTests
    {
        static readonly byte[] Payload = FirmwareLike(200_000);

        [TestMethod]
        [DataRow(CompressionLevel.NoCompression, 4096, 4096)]
        [DataRow(CompressionLevel.Fastest, 1, 100)]
        [DataRow(CompressionLevel.Optimal, 7, 1)]
        [DataRow(CompressionLevel.SmallestSize, 4096, 1000)]
        [DataRow(CompressionLevel.SmallestSize, 100_000, 65536)]
        public void Real_deflate_data_decodes_whole_and_stops_at_its_end(CompressionLevel level, int piece, int room)
        {
            byte[] deflated = Deflate(Payload, level);
            byte[] followed = [.. deflated, .. new byte[] { 0x1F, 0x8B, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 }];
            using var decoder = new ZlibDeflateDecoder();
            decoder.Reset();
            var output = new MemoryStream();
            byte[] room_ = new byte[room];
            int at = 0;
            DeflateStatus status;
            do
            {
                int count = Math.Min(piece, followed.Length - at);
                status = decoder.Decode(followed, at, count, room_, 0, room, out int consumed, out int produced);
                output.Write(room_, 0, produced);
                at += consumed;
                Assert.AreNotEqual(DeflateStatus.Corrupt, status);
                if (status == DeflateStatus.NeedsInput)
                    Assert.AreEqual(count, consumed, "NeedsInput means every byte was taken");
            }
            while (status != DeflateStatus.Done);

            CollectionAssert.AreEqual(Payload, output.ToArray());
            Assert.AreEqual(deflated.Length, at, "consumed stops at the deflate data's last byte");
        }

        [TestMethod]
        public void Corrupt_data_is_corrupt_and_a_finished_stream_needs_a_reset()
        {
            byte[] deflated = Deflate(Payload, CompressionLevel.Optimal);
            deflated[0] |= 0x06;   // block type 3, which does not exist
            using var decoder = new ZlibDeflateDecoder();
            decoder.Reset();

            Assert.AreEqual(DeflateStatus.Corrupt, decoder.Decode(deflated, 0, deflated.Length, new byte[100], 0, 100, out _, out _));
            Assert.ThrowsExactly<InvalidOperationException>(() => decoder.Decode(deflated, 0, 1, new byte[1], 0, 1, out _, out _));
            decoder.Reset();
            byte[] good = Deflate(Payload, CompressionLevel.Fastest);
            Assert.AreEqual(DeflateStatus.HasMoreOutput, decoder.Decode(good, 0, good.Length, new byte[100], 0, 100, out _, out int produced));
            Assert.AreEqual(100, produced);
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(333)]
        [DataRow(65536)]
        public void GzipReader_over_zlib_reads_what_GZipStream_writes(int readSize)
        {
            byte[] gz = Gzip.Compress(Payload);

            CollectionAssert.AreEqual(Payload, ReadGzip(gz, readSize));
        }

        [TestMethod]
        public void GzipReader_over_zlib_reads_what_the_gzip_program_writes_with_its_file_name()
        {
            string path = Path.Combine(Path.GetTempPath(), "ovmsota-gzip-" + Guid.NewGuid().ToString("N")[..8] + ".bin");
            File.WriteAllBytes(path, Payload);
            try
            {
                using var gzip = Process.Start(new ProcessStartInfo("gzip", ["-9", "-k", "-f", path]) { RedirectStandardError = true })!;
                gzip.WaitForExit();
                Assert.AreEqual(0, gzip.ExitCode, gzip.StandardError.ReadToEnd());
                byte[] gz = File.ReadAllBytes(path + ".gz");
                Assert.AreEqual(0x08, gz[3] & 0x08, "gzip wrote the file name (FNAME)");

                CollectionAssert.AreEqual(Payload, ReadGzip(gz, 4096));
            }
            finally
            {
                File.Delete(path);
                File.Delete(path + ".gz");
            }
        }

        static byte[] ReadGzip(byte[] gz, int readSize)
        {
            using var reader = new GzipReader(new MemoryStream(gz), new ZlibDeflateDecoder());
            var output = new MemoryStream();
            byte[] buffer = new byte[readSize];
            int n;
            while ((n = reader.Read(buffer, 0, buffer.Length)) > 0)
                output.Write(buffer, 0, n);
            Assert.AreEqual(gz.Length, reader.CompressedRead);
            return output.ToArray();
        }

        static byte[] Deflate(byte[] data, CompressionLevel level)
        {
            using var output = new MemoryStream();
            using (var deflate = new DeflateStream(output, level, leaveOpen: true))
                deflate.Write(data);
            return output.ToArray();
        }

        // Compressible like code: the test host's own binaries.
        static byte[] FirmwareLike(int length)
        {
            byte[] source = File.ReadAllBytes(typeof(GzipReader).Assembly.Location);
            byte[] data = new byte[length];
            for (int at = 0; at < length; at += source.Length)
                Array.Copy(source, 0, data, at, Math.Min(source.Length, length - at));
            return data;
        }
    }
}

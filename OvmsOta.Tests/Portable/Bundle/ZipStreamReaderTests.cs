#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.Bundle;
using OvmsOta.Flash;
using OvmsOta.Ports;
using OvmsOta.Simulation;
using OvmsOta.Tests.Portable.Compression;

namespace OvmsOta.Tests.Portable.Bundle
{
    [TestClass]
    public class ZipStreamReaderTests
    {
        [TestMethod]
        [DataRow(1)]
        [DataRow(7)]
        [DataRow(30)]
        [DataRow(4096)]
        public void Entries_come_out_in_order_whatever_the_piece_size(int piece)
        {
            StoredZip zip = new StoredZip();
            zip.Add("manifest.json", Bytes(40, 1));
            zip.Add("app.bin", Bytes(300, 2));
            zip.Add("empty", new byte[0]);
            RecordingEntrySink sink = new RecordingEntrySink();
            ZipStreamReader reader = new ZipStreamReader(sink);

            Feed(reader, zip.Bytes(), piece);
            reader.Finish();

            Assert.AreEqual("manifest.json,app.bin,empty", sink.Names);
            Assert.AreEqual(3, sink.Ended);
            Assert.AreEqual(340, sink.Data().Length);
            Assert.AreEqual(Crc32.Compute(Bytes(300, 2), 0, 300), Crc32.Compute(sink.Data(), 40, 300));
            Assert.IsTrue(reader.Ended);
        }

        [TestMethod]
        public void A_deflated_entry_is_refused_by_name_without_a_decoder()
        {
            StoredZip zip = new StoredZip();
            zip.AddDeflated("app.bin", Bytes(10, 1), 100);

            BundleException e = Refused(zip.Bytes(), BundleError.Compressed, null);

            Assert.AreEqual("Bundle entry app.bin is deflated and this module has no inflater; make the bundle with "
                + "`ovmsota bundle make` (stored)", e.Message);
        }

        [TestMethod]
        [DataRow(1, 100)]
        [DataRow(7, 1000)]
        [DataRow(30, 65535)]
        [DataRow(4096, 333)]
        public void Deflated_entries_come_out_inflated_whatever_the_piece_size(int piece, int blockSize)
        {
            StoredZip zip = new StoredZip();
            zip.Add("manifest.json", Bytes(40, 1));
            zip.AddDeflated("app.bin", Bytes(3000, 2), blockSize);
            zip.AddDeflated("empty", new byte[0], blockSize);
            zip.AddDeflated("deploy.bin", Bytes(5000, 3), blockSize);
            RecordingEntrySink sink = new RecordingEntrySink();
            ZipStreamReader reader = new ZipStreamReader(sink);
            reader.Deflate = PortableDeflate.Decoder();

            Feed(reader, zip.Bytes(), piece);
            reader.Finish();

            Assert.AreEqual("manifest.json,app.bin,empty,deploy.bin", sink.Names);
            Assert.AreEqual(4, sink.Ended);
            byte[] data = sink.Data();
            Assert.AreEqual(8040, data.Length);
            Assert.AreEqual(Crc32.Compute(Bytes(3000, 2), 0, 3000), Crc32.Compute(data, 40, 3000));
            Assert.AreEqual(Crc32.Compute(Bytes(5000, 3), 0, 5000), Crc32.Compute(data, 3040, 5000));
        }

        [TestMethod]
        [DataRow("corrupt", "Bundle entry app.bin is damaged: its deflate data is corrupt (at compressed byte 1010)")]
        [DataRow("ends early", "Bundle entry app.bin is damaged: its deflate data ends before the entry does")]
        [DataRow("runs on", "Bundle entry app.bin is damaged: its deflate data does not end with the entry")]
        [DataRow("longer", "Bundle entry app.bin is damaged: it holds more than the 1999 bytes its header says")]
        [DataRow("shorter", "Bundle entry app.bin is damaged: it holds 2000 bytes, its header says 2001")]
        [DataRow("crc", "Bundle entry app.bin is damaged: its CRC-32 is ")]
        public void A_bad_deflated_entry_is_refused_and_the_decoder_released(string damage, string message)
        {
            byte[] data = Bytes(2000, 4);
            byte[] deflated = StoredDeflate.Encode(data, 1000);
            int size = data.Length;
            uint crc = Crc32.Compute(data, 0, data.Length);
            if (damage == "corrupt")
                deflated[1005 + 3] ^= 0xFF;     // the second block's NLEN
            else if (damage == "ends early")
                deflated = Joined(deflated, Bytes(5, 9));
            else if (damage == "runs on")
                deflated = Joined(StoredDeflate.Encode(data, 1000), new byte[0], 1);
            else if (damage == "longer")
                size = 1999;
            else if (damage == "shorter")
                size = 2001;
            else if (damage == "crc")
                crc ^= 1;
            StoredZip zip = new StoredZip();
            zip.Add("app.bin", deflated, size, 8, 0, crc);
            StoredBlockDecoder decoder = new StoredBlockDecoder();

            BundleException e = Refused(zip.Bytes(), BundleError.BadEntry, decoder);

            Expect.Contains(message, e.Message);
            Assert.IsTrue(decoder.Releases >= 1, "the decoder was released");
        }

        [TestMethod]
        public void Another_compression_method_is_refused_with_its_number()
        {
            StoredZip zip = new StoredZip();
            zip.Add("app.bin", Bytes(10, 1), 14, 0, 0);

            Expect.Contains("compression method 14", Refused(zip.Bytes(), BundleError.Compressed).Message);
        }

        [TestMethod]
        public void A_wrong_crc_is_refused()
        {
            StoredZip zip = new StoredZip();
            zip.Add("app.bin", Bytes(10, 1), 0, 0, 0x12345678);

            Expect.Contains("its header says 0x12345678", Refused(zip.Bytes(), BundleError.BadEntry).Message);
        }

        [TestMethod]
        [DataRow(1, "is encrypted")]
        [DataRow(8, "keeps its sizes after its data")]
        public void Flags_the_reader_cannot_follow_are_refused(int flags, string message)
        {
            StoredZip zip = new StoredZip();
            zip.Add("app.bin", Bytes(10, 1), 0, flags, Crc32.Compute(Bytes(10, 1), 0, 10));

            Expect.Contains(message, Refused(zip.Bytes(), BundleError.BadEntry).Message);
        }

        [TestMethod]
        public void Something_else_than_a_zip_is_refused_at_its_first_bytes()
        {
            byte[] image = Bytes(64, 3);
            image[0] = 0xE9;

            BundleException e = Refused(image, BundleError.NotAZip);

            Expect.Contains("it starts with E9", e.Message);
        }

        [TestMethod]
        [DataRow(0, "The bundle is empty")]
        [DataRow(20, "ends after 20 bytes, before the ZIP's central directory")]
        [DataRow(100, "inside entry app.bin")]
        [DataRow(337, "before the ZIP's central directory")]
        public void A_truncated_archive_is_refused_at_its_end(int length, string message)
        {
            StoredZip zip = new StoredZip();
            zip.Add("app.bin", Bytes(300, 2));
            byte[] whole = zip.Bytes();
            byte[] cut = new byte[length];
            System.Array.Copy(whole, cut, length);
            ZipStreamReader reader = new ZipStreamReader(new RecordingEntrySink());

            reader.Feed(cut, 0, cut.Length);
            BundleException e = (BundleException)Expect.Throws(typeof(BundleException), () => reader.Finish());

            Assert.AreEqual(BundleError.Truncated, e.Error);
            Expect.Contains(message, e.Message);
        }

        private static BundleException Refused(byte[] archive, int error)
        {
            return Refused(archive, error, null);
        }

        private static BundleException Refused(byte[] archive, int error, IDeflateDecoder decoder)
        {
            ZipStreamReader reader = new ZipStreamReader(new RecordingEntrySink());
            reader.Deflate = decoder;
            BundleException e = (BundleException)Expect.Throws(typeof(BundleException), () =>
            {
                reader.Feed(archive, 0, archive.Length);
                reader.Finish();
            });
            Assert.AreEqual(error, e.Error);
            return e;
        }

        private static void Feed(ZipStreamReader reader, byte[] data, int piece)
        {
            for (int at = 0; at < data.Length; at += piece)
                reader.Feed(data, at, piece < data.Length - at ? piece : data.Length - at);
        }

        // a + b, or a with its last `drop` bytes cut (stored deflate data without its final block's end).
        private static byte[] Joined(byte[] a, byte[] b, int drop = 0)
        {
            byte[] all = new byte[a.Length - drop + b.Length];
            System.Array.Copy(a, all, a.Length - drop);
            System.Array.Copy(b, 0, all, a.Length - drop, b.Length);
            return all;
        }

        internal static byte[] Bytes(int count, int seed)
        {
            byte[] bytes = new byte[count];
            for (int i = 0; i < count; i++)
                bytes[i] = (byte)(i * 31 + seed);
            return bytes;
        }
    }
}

#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.Bundle;
using OvmsOta.Flash;
using OvmsOta.Simulation;

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
        public void A_deflated_entry_is_refused_by_name()
        {
            StoredZip zip = new StoredZip();
            zip.Add("app.bin", Bytes(10, 1), 8, 0, 0);

            BundleException e = Refused(zip.Bytes(), BundleError.Compressed);

            Expect.Contains("Bundle entry app.bin is deflated", e.Message);
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
            ZipStreamReader reader = new ZipStreamReader(new RecordingEntrySink());
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

        internal static byte[] Bytes(int count, int seed)
        {
            byte[] bytes = new byte[count];
            for (int i = 0; i < count; i++)
                bytes[i] = (byte)(i * 31 + seed);
            return bytes;
        }
    }
}

#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using OvmsOta.Compression;
using OvmsOta.Flash;
using OvmsOta.Simulation;
using OvmsOta.Tests.Portable.Flash;

namespace OvmsOta.Tests.Portable.Compression
{
    [TestClass]
    public class GzipReaderTests
    {
        [TestMethod]
        [DataRow(1, 100)]
        [DataRow(7, 4096)]
        [DataRow(512, 999)]
        [DataRow(4096, 65535)]
        public void A_member_inflates_to_its_data_whatever_the_read_and_block_sizes(int piece, int blockSize)
        {
            byte[] data = TestBytes.Pattern(10000);

            byte[] inflated = ReadAll(StoredDeflate.Gzip(data, blockSize), piece, piece);

            AssertSame(data, inflated);
        }

        [TestMethod]
        public void An_empty_member_inflates_to_nothing()
        {
            Assert.AreEqual(0, ReadAll(StoredDeflate.Gzip(new byte[0], 100), 4096, 64).Length);
        }

        [TestMethod]
        public void The_optional_header_fields_are_skipped()
        {
            // FHCRC, FEXTRA, FNAME, FCOMMENT: extra field of 3 bytes, name "ovms3.bin", comment "c", header CRC-16.
            byte[] header = TestBytes.FromHex("1F8B081E000000000003" + "0300AABBCC" + "6F766D73332E62696E00" + "6300" + "1234");
            byte[] data = TestBytes.Pattern(300);

            AssertSame(data, ReadAll(StoredDeflate.Gzip(header, data, 128), 3, 50));
        }

        [TestMethod]
        public void Bytes_after_the_member_are_not_part_of_it()
        {
            byte[] member = StoredDeflate.Gzip(TestBytes.Pattern(2000), 700);
            byte[] followed = new byte[member.Length + 100];
            Array.Copy(member, followed, member.Length);
            GzipReader reader = new GzipReader(new TrickleStream(followed, 4096), PortableDeflate.Decoder());

            AssertSame(TestBytes.Pattern(2000), Drain(reader, 256));
            Assert.AreEqual((long)member.Length, reader.CompressedRead);
        }

        [TestMethod]
        [DataRow("not gzip", "Not gzip data: it does not start with 1F 8B")]
        [DataRow("method", "The gzip data uses compression method 7; only deflate (8) exists")]
        [DataRow("reserved flag", "The gzip header sets reserved flags (0x20)")]
        [DataRow("crc", "The gzip data is corrupt: it inflates to CRC-32 ")]
        [DataRow("length", "The gzip data is corrupt: it inflates to 3000 bytes, its trailer says 3001")]
        [DataRow("bad block", "The gzip data is corrupt: deflate error at compressed byte")]
        [DataRow("cut in header", "The gzip data is truncated: it ends after 6 bytes, inside its header")]
        [DataRow("cut in data", "The gzip data is truncated: it ends after 1500 bytes, inside its deflate data")]
        [DataRow("cut in trailer", "inside its trailer")]
        public void A_bad_member_is_refused_with_what_is_wrong(string damage, string message)
        {
            byte[] data = TestBytes.Pattern(3000);
            byte[] member = StoredDeflate.Gzip(data, 1000);
            int trailer = member.Length - 8;
            if (damage == "not gzip")
                member[1] = 0x8C;
            else if (damage == "method")
                member[2] = 7;
            else if (damage == "reserved flag")
                member[3] = 0x20;
            else if (damage == "crc")
                member[trailer] ^= 1;
            else if (damage == "length")
                LittleEndian.WriteUInt32(member, trailer + 4, 3001);
            else if (damage == "bad block")
                member[10 + 1005 + 3] ^= 0xFF;   // the second block's NLEN no longer complements its LEN
            else if (damage == "cut in header")
                member = Prefix(member, 6);
            else if (damage == "cut in data")
                member = Prefix(member, 1500);
            else if (damage == "cut in trailer")
                member = Prefix(member, trailer + 5);

            Exception e = Expect.Throws(typeof(CompressionException), delegate { ReadAll(member, 512, 512); });

            Expect.Contains(message, e.Message);
        }

        [TestMethod]
        public void A_bad_trailer_fails_before_the_last_bytes_are_returned()
        {
            byte[] data = TestBytes.Pattern(3000);
            byte[] member = StoredDeflate.Gzip(data, 65535);
            member[member.Length - 8] ^= 1;
            GzipReader reader = new GzipReader(new TrickleStream(member, 4096), PortableDeflate.Decoder());
            byte[] buffer = new byte[700];
            int returned = 0;

            Expect.Throws(typeof(CompressionException), delegate
            {
                while (true)
                    returned += reader.Read(buffer, 0, buffer.Length);
            });
            Assert.IsTrue(returned < data.Length, returned.ToString() + " of " + data.Length.ToString() + " bytes came out");
        }

        [TestMethod]
        public void The_decoder_is_released_at_the_end_and_when_disposed_early()
        {
            StoredBlockDecoder whole = new StoredBlockDecoder();
            Drain(new GzipReader(new TrickleStream(StoredDeflate.Gzip(TestBytes.Pattern(500), 100), 64), whole), 64);
            Assert.AreEqual(1, whole.Releases);

            StoredBlockDecoder early = new StoredBlockDecoder();
            GzipReader reader = new GzipReader(new TrickleStream(StoredDeflate.Gzip(TestBytes.Pattern(500), 100), 64), early);
            reader.Read(new byte[10], 0, 10);
            reader.Dispose();
            Assert.AreEqual(1, early.Releases);
        }

        private static byte[] ReadAll(byte[] member, int piece, int readSize)
        {
            return Drain(new GzipReader(new TrickleStream(member, piece), PortableDeflate.Decoder()), readSize);
        }

        private static byte[] Drain(GzipReader reader, int readSize)
        {
            byte[] all = new byte[0];
            byte[] buffer = new byte[readSize];
            while (true)
            {
                int n = reader.Read(buffer, 0, readSize);
                if (n == 0)
                    return all;
                byte[] more = new byte[all.Length + n];
                Array.Copy(all, more, all.Length);
                Array.Copy(buffer, 0, more, all.Length, n);
                all = more;
            }
        }

        private static byte[] Prefix(byte[] bytes, int length)
        {
            byte[] prefix = new byte[length];
            Array.Copy(bytes, prefix, length);
            return prefix;
        }

        private static void AssertSame(byte[] expected, byte[] actual)
        {
            Assert.AreEqual(expected.Length, actual.Length);
            Assert.AreEqual(Crc32.Compute(expected, 0, expected.Length), Crc32.Compute(actual, 0, actual.Length));
        }
    }
}

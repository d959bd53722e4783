using System;
using System.IO;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.Firmware.Http;

namespace OvmsOta.Tests.Host.Firmware
{
    /// <summary>
    /// DeviceHttpTransport's decoder for `Transfer-Encoding: chunked` bodies (RFC 9112 7.1): sizes, extensions, trailers,
    /// a network stream that returns 0 for "no data yet", malformed sizes (a clear error), and never a byte read past the
    /// body's last CRLF.
    /// </summary>
    [TestClass]
    public class ChunkedBodyTests
    {
        /// <summary>Hands out at most `piece` bytes a call and a 0 ("no data yet") between calls, as nanoFramework's stream.</summary>
        private sealed class DribblingStream : MemoryStream
        {
            private readonly int _piece;
            private bool _pause;

            public DribblingStream(byte[] data, int piece) : base(data) { _piece = piece; }

            public override int Read(byte[] buffer, int offset, int count)
            {
                _pause = !_pause;
                return _pause ? 0 : base.Read(buffer, offset, Math.Min(count, _piece));
            }
        }

        private static byte[] Ascii(string text) { return Encoding.ASCII.GetBytes(text); }

        /// <summary>Reads until Ended (with a bound on calls); returns the decoded bytes.</summary>
        private static byte[] ReadAll(ChunkedBody body, int bufferSize = 7)
        {
            var output = new MemoryStream();
            byte[] buffer = new byte[bufferSize];
            for (int calls = 0; !body.Ended; calls++)
            {
                Assert.IsTrue(calls < 1_000_000, "the decoder never reached the end");
                int n = body.Read(buffer, 0, buffer.Length);
                output.Write(buffer, 0, n);
            }
            Assert.AreEqual(0, body.Read(buffer, 0, buffer.Length), "nothing after the end");
            return output.ToArray();
        }

        private static string Chunked(byte[] data, int chunk, string extension = "", string trailer = "")
        {
            var text = new StringBuilder();
            for (int at = 0; at < data.Length; at += chunk)
            {
                int n = Math.Min(chunk, data.Length - at);
                text.Append(n.ToString("x")).Append(extension).Append("\r\n").Append(Encoding.Latin1.GetString(data, at, n)).Append("\r\n");
            }
            return text.Append("0").Append(extension).Append("\r\n").Append(trailer).Append("\r\n").ToString();
        }

        [DataTestMethod]
        [DataRow(0, 1, 1)]
        [DataRow(1, 1, 1)]
        [DataRow(1000, 1, 3)]
        [DataRow(5000, 4096, 1)]
        [DataRow(70_000, 16_384, 1000)]
        [DataRow(70_000, 0x7fff, 5)]
        public void BodiesOfEverySizeDecodeToTheirBytes(int size, int chunk, int piece)
        {
            byte[] data = new byte[size];
            new Random(size).NextBytes(data);
            byte[] wire = Encoding.Latin1.GetBytes(Chunked(data, chunk));

            var body = new ChunkedBody(new DribblingStream(wire, piece));

            CollectionAssert.AreEqual(data, ReadAll(body, 1000));
        }

        [TestMethod]
        public void ExtensionsUpperCaseHexAndTrailersAreAccepted()
        {
            string wire = "A;name=value;quoted=\"a;b\"\r\n0123456789\r\n1B \t;x\r\nabcdefghijklmnopqrstuvwxyz!\r\n0;last\r\nX-Checksum: 1234\r\nExpires: never\r\n\r\n";

            var body = new ChunkedBody(new MemoryStream(Ascii(wire)));

            Assert.AreEqual("0123456789abcdefghijklmnopqrstuvwxyz!", Encoding.ASCII.GetString(ReadAll(body)));
        }

        [TestMethod]
        public void NothingPastTheBodysLastCrLfIsRead()
        {
            byte[] wire = Ascii("3\r\nabc\r\n0\r\nTrailer: x\r\n\r\nNEXT RESPONSE");
            var inner = new MemoryStream(wire);

            var body = new ChunkedBody(inner);

            Assert.AreEqual("abc", Encoding.ASCII.GetString(ReadAll(body, 64)));
            Assert.AreEqual(wire.Length - "NEXT RESPONSE".Length, inner.Position);
        }

        [TestMethod]
        public void ABodyCutShortHasNotEnded()
        {
            var body = new ChunkedBody(new MemoryStream(Ascii("10\r\nonly ten b")));
            byte[] buffer = new byte[64];

            Assert.AreEqual(10, body.Read(buffer, 0, 64));
            Assert.AreEqual(0, body.Read(buffer, 0, 64));
            Assert.IsFalse(body.Ended, "the engine's length and stall checks report a cut body");
        }

        [DataTestMethod]
        [DataRow("zz\r\n", "chunk size \"zz\" is not hexadecimal")]
        [DataRow("\r\n", "chunk size \"\" is not hexadecimal")]
        [DataRow("-5\r\n", "chunk size \"-5\" is not hexadecimal")]
        [DataRow("0x10\r\n", "chunk size \"0x10\" is not hexadecimal")]
        [DataRow("123456789\r\n", "chunk size \"123456789\" is larger than")]
        [DataRow("3\r\nabcXY", "chunk of 3 bytes is not followed by CR LF")]
        public void MalformedFramingIsAClearError(string wire, string expected)
        {
            var body = new ChunkedBody(new MemoryStream(Ascii(wire)));

            var e = Assert.ThrowsExactly<IOException>(() => ReadAll(body, 64));
            StringAssert.StartsWith(e.Message, "chunked body: ");
            StringAssert.Contains(e.Message, expected);
        }

        [TestMethod]
        public void ALineLongerThanTheLimitIsRefusedNotBuffered()
        {
            string longExtension = "1;" + new string('x', 10_000) + "\r\na\r\n0\r\n\r\n";
            var body = new ChunkedBody(new MemoryStream(Ascii(longExtension)));

            var e = Assert.ThrowsExactly<IOException>(() => ReadAll(body, 64));
            StringAssert.Contains(e.Message, "line longer than " + ChunkedBody.MaxLineBytes + " bytes");
        }

        [TestMethod]
        public void EndlessTrailersAreRefused()
        {
            var wire = new StringBuilder("0\r\n");
            for (int i = 0; i < 1000; i++)
                wire.Append("X-Padding: 0123456789\r\n");
            var body = new ChunkedBody(new MemoryStream(Ascii(wire.Append("\r\n").ToString())));

            var e = Assert.ThrowsExactly<IOException>(() => ReadAll(body, 64));
            StringAssert.Contains(e.Message, "trailer");
        }

        [TestMethod]
        public void TheDeviceResponseChoosesTheDecoderFromTransferEncoding()
        {
            Assert.IsTrue(ResponseBody.IsChunked("chunked"));
            Assert.IsTrue(ResponseBody.IsChunked("gzip, Chunked"));
            Assert.IsFalse(ResponseBody.IsChunked(null));
            Assert.IsFalse(ResponseBody.IsChunked("identity"));
        }
    }
}

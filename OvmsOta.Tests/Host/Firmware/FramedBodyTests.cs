using System;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.Firmware.Http;

namespace OvmsOta.Tests.Host.Firmware
{
    /// <summary>
    /// DeviceHttpTransport's body framing, the part of it that is not nanoFramework's HttpWebRequest (which cannot run
    /// here): a stream that returns 0 for "no data yet", cut at Content-Length.
    /// </summary>
    [TestClass]
    public class FramedBodyTests
    {
        /// <summary>Hands out its data in the given pieces, 0 between them (nanoFramework's network stream does).</summary>
        private sealed class TricklingStream : MemoryStream
        {
            private readonly int[] _pieces;
            private int _call;

            public TricklingStream(byte[] data, params int[] pieces) : base(data) { _pieces = pieces; }

            public override int Read(byte[] buffer, int offset, int count)
            {
                int call = _call++;
                if (call % 2 == 1 || call / 2 >= _pieces.Length)
                    return call / 2 >= _pieces.Length ? base.Read(buffer, offset, count) : 0;
                return base.Read(buffer, offset, Math.Min(count, _pieces[call / 2]));
            }
        }

        [TestMethod]
        public void A_zero_before_the_length_is_not_the_end_and_the_length_is()
        {
            byte[] data = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
            var body = new FramedBody(new TricklingStream(data, 3, 4, 100), 7);
            byte[] buffer = new byte[16];

            Assert.AreEqual(3, body.Read(buffer, 0, 16));
            Assert.AreEqual(0, body.Read(buffer, 3, 16));
            Assert.IsFalse(body.Ended, "a 0 before Content-Length bytes is 'no data yet'");
            Assert.AreEqual(4, body.Read(buffer, 3, 13));
            Assert.IsTrue(body.Ended);
            Assert.AreEqual(0, body.Read(buffer, 7, 9), "nothing past Content-Length is read");
            CollectionAssert.AreEqual(new byte[] { 1, 2, 3, 4, 5, 6, 7 }, buffer[..7]);
        }

        [TestMethod]
        public void A_read_is_cut_at_the_length_so_surplus_stays_on_the_wire()
        {
            var inner = new MemoryStream(new byte[] { 1, 2, 3, 4, 5, 6 });
            var body = new FramedBody(inner, 4);

            Assert.AreEqual(4, body.Read(new byte[6], 0, 6));
            Assert.AreEqual(4, inner.Position);
            Assert.IsTrue(body.Ended);
        }

        [TestMethod]
        public void Without_a_length_the_end_is_never_known()
        {
            var body = new FramedBody(new MemoryStream(new byte[] { 1, 2 }), -1);

            Assert.AreEqual(2, body.Read(new byte[4], 0, 4));
            Assert.AreEqual(0, body.Read(new byte[4], 0, 4));
            Assert.IsFalse(body.Ended, "the engine's stall timeout ends such a download");
        }

        [TestMethod]
        public void An_empty_body_has_ended_before_the_first_read_and_disposing_closes_the_inner_stream()
        {
            var inner = new MemoryStream(new byte[0]);
            var body = new FramedBody(inner, 0);

            Assert.IsTrue(body.Ended);
            body.Dispose();
            Assert.IsFalse(inner.CanRead);
        }
    }
}

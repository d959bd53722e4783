using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.Firmware.Bindings;
using OvmsOta.Ports;

namespace OvmsOta.Tests.Host.Firmware
{
    /// <summary>NativeDeflateDecoder on a scripted native layer: statuses and counts, handle lifetime, errors.</summary>
    [TestClass]
    public class NativeDeflateBindingTests
    {
        private static DeflateStatus Decode(NativeDeflateDecoder decoder, byte[] output, int outOffset, int outCount, out int consumed, out int produced) =>
            decoder.Decode(new byte[100], 10, 50, output, outOffset, outCount, out consumed, out produced);

        [TestMethod]
        public void Statuses_and_counts_pass_through_on_one_handle_opened_by_the_first_decode()
        {
            var native = new FakeNativeInflate();
            var decoder = new NativeDeflateDecoder(native);
            native.Answer(1, 50, 0);
            native.Answer(2, 20, 30);
            native.Answer(0, 7, 12);
            byte[] output = new byte[40];

            decoder.Reset();
            Assert.AreEqual(0, native.Begins, "nothing is held before the first decode");
            Assert.AreEqual(DeflateStatus.NeedsInput, Decode(decoder, output, 5, 30, out int c1, out int p1));
            Assert.AreEqual(DeflateStatus.HasMoreOutput, Decode(decoder, output, 5, 30, out int c2, out int p2));
            Assert.AreEqual(1, native.OpenCount);
            Assert.AreEqual(DeflateStatus.Done, Decode(decoder, output, 5, 30, out int c3, out int p3));

            CollectionAssert.AreEqual(new[] { 50, 0, 20, 30, 7, 12 }, new[] { c1, p1, c2, p2, c3, p3 });
            Assert.AreEqual(0, output[4]);
            Assert.AreEqual(native.Fill, output[5]);
            Assert.AreEqual(native.Fill, output[34]);
            Assert.AreEqual(0, output[35], "written at outOffset, outCount bytes at most");
            Assert.AreEqual(1, native.Begins, "one handle for the whole stream");
            Assert.AreEqual(0, native.OpenCount, "Done gives the native dictionary back at once");
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(-1)]
        public void After_Done_or_Corrupt_decodes_are_refused_until_Reset(int status)
        {
            var native = new FakeNativeInflate();
            var decoder = new NativeDeflateDecoder(native);
            native.Answer(status, 3, 0);
            decoder.Reset();
            Assert.AreEqual((DeflateStatus)status, Decode(decoder, new byte[10], 0, 10, out _, out _));
            Assert.AreEqual(0, native.OpenCount);

            var e = Assert.ThrowsExactly<InvalidOperationException>(() => Decode(decoder, new byte[10], 0, 10, out _, out _));
            StringAssert.Contains(e.Message, "Reset first");

            decoder.Reset();
            native.Answer(1, 50, 0);
            Assert.AreEqual(DeflateStatus.NeedsInput, Decode(decoder, new byte[10], 0, 10, out _, out _));
            Assert.AreEqual(2, native.Begins, "a new stream after Reset");
        }

        [TestMethod]
        public void A_refused_native_call_throws_naming_the_code_and_ends_the_handle()
        {
            var native = new FakeNativeInflate();
            var decoder = new NativeDeflateDecoder(native);
            native.Answer(EspErrors.InvalidState, 0, 0);
            decoder.Reset();

            var e = Assert.ThrowsExactly<InvalidOperationException>(() => Decode(decoder, new byte[10], 0, 10, out _, out _));

            Assert.AreEqual("inflate failed: ESP_ERR_INVALID_STATE (0x103)", e.Message);
            Assert.AreEqual(0, native.OpenCount);
            Assert.ThrowsExactly<InvalidOperationException>(() => Decode(decoder, new byte[10], 0, 10, out _, out _), "ended until Reset");
        }

        [TestMethod]
        [DataRow(51, 0)]
        [DataRow(-1, 0)]
        [DataRow(0, 11)]
        [DataRow(0, -1)]
        public void Counts_outside_the_spans_given_are_refused(int consumed, int produced)
        {
            var native = new FakeNativeInflate();
            var decoder = new NativeDeflateDecoder(native);
            native.Answer(2, consumed, produced);
            decoder.Reset();

            var e = Assert.ThrowsExactly<InvalidOperationException>(() => Decode(decoder, new byte[20], 0, 10, out _, out _));

            StringAssert.Contains(e.Message, "native counts out of range");
            Assert.AreEqual(0, native.OpenCount);
        }

        [TestMethod]
        public void Reset_and_Release_end_a_stream_left_open_so_failures_never_use_up_the_two_slots()
        {
            var native = new FakeNativeInflate();
            var decoder = new NativeDeflateDecoder(native);

            for (int stream = 0; stream < 10; stream++)
            {
                native.Answer(1, 50, 0);
                decoder.Reset();
                Decode(decoder, new byte[10], 0, 10, out _, out _);   // a download that fails mid-stream leaves this open
            }
            Assert.AreEqual(1, native.OpenCount);
            Assert.AreEqual(10, native.Begins);

            decoder.Release();
            Assert.AreEqual(0, native.OpenCount);
            Assert.ThrowsExactly<InvalidOperationException>(() => Decode(decoder, new byte[10], 0, 10, out _, out _), "released until Reset");
            decoder.Release();   // twice is harmless
            Assert.AreEqual(0, native.OpenCount);
        }

        [TestMethod]
        public void Both_slots_taken_elsewhere_surfaces_as_OutOfMemoryException_on_the_first_decode()
        {
            var native = new FakeNativeInflate();
            native.InflateBegin();
            native.InflateBegin();
            var decoder = new NativeDeflateDecoder(native);
            decoder.Reset();

            Assert.ThrowsExactly<OutOfMemoryException>(() => Decode(decoder, new byte[10], 0, 10, out _, out _));
        }

        [TestMethod]
        public void Spans_outside_their_arrays_are_refused_before_a_native_stream_opens()
        {
            var native = new FakeNativeInflate();
            var decoder = new NativeDeflateDecoder(native);
            decoder.Reset();
            byte[] data = new byte[10];

            var e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => decoder.Decode(data, 4, 7, data, 0, 10, out _, out _));
            Assert.AreEqual("inCount", e.ParamName);
            StringAssert.Contains(e.Message, "offset 4 + count 7 is outside the 10-byte input");
            Assert.AreEqual("outCount", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => decoder.Decode(data, 0, 10, data, -1, 2, out _, out _)).ParamName);
            Assert.AreEqual("outCount", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => decoder.Decode(data, 0, 10, data, 0, -1, out _, out _)).ParamName);
            Assert.AreEqual("input", Assert.ThrowsExactly<ArgumentNullException>(() => decoder.Decode(null, 0, 0, data, 0, 10, out _, out _)).ParamName);
            Assert.AreEqual("output", Assert.ThrowsExactly<ArgumentNullException>(() => decoder.Decode(data, 0, 0, null, 0, 0, out _, out _)).ParamName);
            Assert.AreEqual(0, native.Begins);

            native.Answer(1, 10, 0);
            Assert.AreEqual(DeflateStatus.NeedsInput, decoder.Decode(data, 0, 10, data, 10, 0, out _, out _), "an empty span at the end is fine");
        }

        [TestMethod]
        public void A_null_native_layer_is_refused()
        {
            Assert.AreEqual("native", Assert.ThrowsExactly<ArgumentNullException>(() => new NativeDeflateDecoder(null)).ParamName);
        }
    }
}

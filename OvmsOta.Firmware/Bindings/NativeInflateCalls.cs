using OvmsOta.Native;

namespace OvmsOta.Firmware.Bindings
{
    /// <summary>The device's <see cref="INativeInflate"/>: straight calls into the interop assembly, after refusing null.</summary>
    public sealed class NativeInflateCalls : INativeInflate
    {
        public int InflateBegin() { return NativeInflate.Begin(); }

        public int InflateDecode(int handle, byte[] input, int inOffset, int inCount, byte[] output, int outOffset, int outCount, int[] counts)
        {
            NativeArguments.NotNull(input, "input", "NativeInflate.Decode");
            NativeArguments.NotNull(output, "output", "NativeInflate.Decode");
            NativeArguments.NotNull(counts, "counts", "NativeInflate.Decode");
            return NativeInflate.Decode(handle, input, inOffset, inCount, output, outOffset, outCount, counts);
        }

        public int InflateEnd(int handle) { return NativeInflate.End(handle); }
    }
}

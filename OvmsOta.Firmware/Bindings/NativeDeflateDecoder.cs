using System;
using OvmsOta.Ports;

namespace OvmsOta.Firmware.Bindings
{
    /// <summary>
    /// Core's <see cref="IDeflateDecoder"/> over the ROM's tinfl (OvmsOta.Native). A native stream holds a 32 KB
    /// dictionary in one of 2 slots, and a soft reboot of nanoCLR does not free them, so this holds at most one handle:
    /// opened by the first Decode after Reset, ended by Reset, Release, a Done or Corrupt status, or a refused call.
    /// </summary>
    public sealed class NativeDeflateDecoder : IDeflateDecoder
    {
        private const int NoHandle = 0;

        private readonly INativeInflate _native;
        private readonly int[] _counts;
        private int _handle = NoHandle;
        private bool _ready;   // Reset was called and the stream has not ended since

        public NativeDeflateDecoder(INativeInflate native)
        {
            if (native == null)
                throw new ArgumentNullException("native");
            _native = native;
            _counts = new int[2];
        }

        public void Reset()
        {
            End();
            _ready = true;
        }

        public DeflateStatus Decode(byte[] input, int inOffset, int inCount, byte[] output, int outOffset, int outCount,
            out int consumed, out int produced)
        {
            consumed = 0;
            produced = 0;
            NativeArguments.Span(input, "input", inOffset, inCount, "inCount");
            NativeArguments.Span(output, "output", outOffset, outCount, "outCount");
            if (!_ready)
                throw new InvalidOperationException("inflate: Decode needs Reset first (the stream ended or was released)");
            if (_handle == NoHandle)
                _handle = _native.InflateBegin();
            _counts[0] = 0;
            _counts[1] = 0;
            int status = _native.InflateDecode(_handle, input, inOffset, inCount, output, outOffset, outCount, _counts);
            if (status < (int)DeflateStatus.Corrupt || status > (int)DeflateStatus.HasMoreOutput)
                throw Ended("inflate failed: " + EspErrors.Describe(status));
            if (_counts[0] < 0 || _counts[0] > inCount || _counts[1] < 0 || _counts[1] > outCount)
                throw Ended("inflate: native counts out of range (" + _counts[0].ToString() + " in, " + _counts[1].ToString() + " out)");
            consumed = _counts[0];
            produced = _counts[1];
            if (status == (int)DeflateStatus.Done || status == (int)DeflateStatus.Corrupt)
            {
                End();   // the native side refuses further decodes anyway: give its dictionary back now
                _ready = false;
            }
            return (DeflateStatus)status;
        }

        public void Release()
        {
            End();
            _ready = false;
        }

        private InvalidOperationException Ended(string message)
        {
            Release();
            return new InvalidOperationException(message);
        }

        private void End()
        {
            if (_handle == NoHandle)
                return;
            int handle = _handle;
            _handle = NoHandle;
            _native.InflateEnd(handle);
        }
    }
}

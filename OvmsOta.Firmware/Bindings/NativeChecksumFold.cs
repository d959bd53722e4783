using System;
using OvmsOta.Ports;

namespace OvmsOta.Firmware.Bindings
{
    /// <summary>
    /// Core's <see cref="IChecksumFold"/> over the native fold: interpreted IL would spend tens of seconds per MB on
    /// the per-byte XOR. The native fold gives the same byte for any split of the data, so the running checksum is
    /// all the state there is.
    /// </summary>
    public sealed class NativeChecksumFold : IChecksumFold
    {
        private readonly INativeHash _native;

        public NativeChecksumFold(INativeHash native)
        {
            if (native == null)
                throw new ArgumentNullException("native");
            _native = native;
        }

        public byte Fold(byte checksum, byte[] buffer, int offset, int count)
        {
            int folded = _native.ChecksumUpdate(checksum, buffer, offset, count);
            if (folded < 0 || folded > 0xFF)
                throw new InvalidOperationException("native checksum fold returned " + folded.ToString() + ": expected 0..255");
            return (byte)folded;
        }
    }
}

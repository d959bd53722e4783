using System;
using OvmsOta.Ports;

namespace OvmsOta.Firmware.Bindings
{
    /// <summary>
    /// Core's <see cref="ISha256"/> over the native SHA-256 (mbedtls on the ESP32's SHA engine). The native side has 4
    /// hash slots and a soft reboot of nanoCLR does not free them, so this holds at most one handle: opened by the
    /// first Update, closed by Final, and aborted by Reset, which the validator calls before each image. A failed
    /// update aborts its handle before it throws.
    /// </summary>
    public sealed class NativeSha256 : ISha256
    {
        private const int NoHandle = 0;

        private readonly INativeHash _native;
        private int _handle = NoHandle;

        public NativeSha256(INativeHash native)
        {
            if (native == null)
                throw new ArgumentNullException("native");
            _native = native;
        }

        public void Reset()
        {
            Abort();
        }

        public void Update(byte[] buffer, int offset, int count)
        {
            if (_handle == NoHandle)
                _handle = _native.Sha256Begin();
            int status = _native.Sha256Update(_handle, buffer, offset, count);
            if (status != EspErrors.Ok)
            {
                Abort();
                throw new InvalidOperationException("SHA-256 update failed: " + EspErrors.Describe(status) + " (" + count.ToString() + " bytes)");
            }
        }

        public void Final(byte[] output, int offset)
        {
            if (_handle == NoHandle)
                _handle = _native.Sha256Begin();
            int handle = _handle;
            _handle = NoHandle;   // finish closes the handle whatever it returns
            int status = _native.Sha256Finish(handle, output, offset);
            if (status != EspErrors.Ok)
                throw new InvalidOperationException("SHA-256 finish failed: " + EspErrors.Describe(status));
        }

        private void Abort()
        {
            if (_handle == NoHandle)
                return;
            int handle = _handle;
            _handle = NoHandle;
            _native.Sha256Abort(handle);
        }
    }
}

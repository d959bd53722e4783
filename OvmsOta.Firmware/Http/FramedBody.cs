using System.IO;

namespace OvmsOta.Firmware.Http
{
    /// <summary>
    /// A response body cut to its Content-Length: <see cref="Ended"/> turns true once all Content-Length bytes were read
    /// (the engine then takes a 0 as the end), and nothing past them is read. Without a Content-Length (-1) and without
    /// chunked framing the end is never known here, and the engine's stall timeout ends the download.
    /// </summary>
    public sealed class FramedBody : ResponseBody
    {
        private readonly long _length;
        private long _read;

        /// <param name="length">Content-Length, or -1 when the response has none</param>
        public FramedBody(Stream inner, long length) : base(inner)
        {
            _length = length;
        }

        /// <summary>True once every Content-Length byte was read.</summary>
        public override bool Ended { get { return _length >= 0 && _read >= _length; } }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (Ended)
                return 0;
            if (_length >= 0 && count > _length - _read)
                count = (int)(_length - _read);
            int n = Inner.Read(buffer, offset, count);
            if (n > 0)
                _read += n;
            return n;
        }
    }
}

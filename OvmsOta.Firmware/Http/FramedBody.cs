using System;
using System.IO;

namespace OvmsOta.Firmware.Http
{
    /// <summary>
    /// A response body cut to its Content-Length. nanoFramework's network stream returns 0 both for "no data yet" and
    /// at the end, so the byte count is the only way to know the end: <see cref="Ended"/> turns true once all
    /// Content-Length bytes were read (the engine then takes a 0 as the end), and nothing past them is read. Without
    /// a Content-Length (-1) the end is never known here, and the engine's stall timeout ends the download.
    /// </summary>
    public sealed class FramedBody : Stream
    {
        private readonly Stream _inner;
        private readonly long _length;
        private long _read;

        /// <param name="length">Content-Length, or -1 when the response has none</param>
        public FramedBody(Stream inner, long length)
        {
            if (inner == null)
                throw new ArgumentNullException("inner");
            _inner = inner;
            _length = length;
        }

        /// <summary>True once every Content-Length byte was read.</summary>
        public bool Ended { get { return _length >= 0 && _read >= _length; } }

        public override bool CanRead { get { return true; } }
        public override bool CanSeek { get { return false; } }
        public override bool CanWrite { get { return false; } }
        public override long Length { get { throw new NotSupportedException("a response body has no length to seek in"); } }

        public override long Position
        {
            get { return _read; }
            set { throw new NotSupportedException("a response body cannot seek"); }
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (Ended)
                return 0;
            if (_length >= 0 && count > _length - _read)
                count = (int)(_length - _read);
            int n = _inner.Read(buffer, offset, count);
            if (n > 0)
                _read += n;
            return n;
        }

#if NANOFRAMEWORK_1_0
        // nanoFramework's Stream declares Read(SpanByte) abstract (.NET's Read(Span<byte>) is virtual): served by Read(byte[], int, int).
        public override int Read(SpanByte buffer)
        {
            byte[] chunk = new byte[buffer.Length];
            int n = Read(chunk, 0, chunk.Length);
            new SpanByte(chunk, 0, n).CopyTo(buffer);
            return n;
        }
#endif

        public override void Flush() { }

        public override long Seek(long offset, SeekOrigin origin) { throw new NotSupportedException("a response body cannot seek"); }

        public override void SetLength(long value) { throw new NotSupportedException("a response body is read-only"); }

        public override void Write(byte[] buffer, int offset, int count) { throw new NotSupportedException("a response body is read-only"); }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                _inner.Dispose();
            base.Dispose(disposing);
        }
    }
}

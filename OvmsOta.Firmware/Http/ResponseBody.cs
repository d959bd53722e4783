using System;
using System.IO;

namespace OvmsOta.Firmware.Http
{
    /// <summary>
    /// A response body read from nanoFramework's network stream, which returns 0 both for "no data yet" and at the end:
    /// each framing (<see cref="FramedBody"/> for Content-Length, <see cref="ChunkedBody"/> for chunked) says when the
    /// body has <see cref="Ended"/> and reads nothing past it. Read-only, not seekable.
    /// </summary>
    public abstract class ResponseBody : Stream
    {
        private readonly Stream _inner;

        protected ResponseBody(Stream inner)
        {
            if (inner == null)
                throw new ArgumentNullException("inner");
            _inner = inner;
        }

        /// <summary>The body for a response's framing: chunked when Transfer-Encoding says so (it overrides Content-Length).</summary>
        /// <param name="contentLength">Content-Length, or -1 when the response has none</param>
        public static ResponseBody For(Stream inner, string transferEncoding, long contentLength)
        {
            if (IsChunked(transferEncoding))
                return new ChunkedBody(inner);
            return new FramedBody(inner, contentLength);
        }

        /// <summary>True when chunked is among the transfer codings (the last one, for a valid response).</summary>
        public static bool IsChunked(string transferEncoding)
        {
            return transferEncoding != null && transferEncoding.ToLower().IndexOf("chunked") >= 0;
        }

        /// <summary>True once the whole body was read; a 0 from Read before that is "no data yet".</summary>
        public abstract bool Ended { get; }

        /// <summary>The network stream under the framing.</summary>
        protected Stream Inner { get { return _inner; } }

        public override bool CanRead { get { return true; } }
        public override bool CanSeek { get { return false; } }
        public override bool CanWrite { get { return false; } }
        public override long Length { get { throw new NotSupportedException("a response body has no length to seek in"); } }

        public override long Position
        {
            get { throw new NotSupportedException("a response body cannot seek"); }
            set { throw new NotSupportedException("a response body cannot seek"); }
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

using System;
using System.IO;
using OvmsOta.Ports;

namespace OvmsOta.Firmware.Http
{
    /// <summary>
    /// A response body read from nanoFramework's network stream, which returns 0 both for "no data yet" and at the end:
    /// each framing (<see cref="FramedBody"/> for Content-Length, <see cref="ChunkedBody"/> for chunked) says when the
    /// body has <see cref="Ended"/> and reads nothing past it. Read-only, not seekable.
    /// </summary>
    public abstract class ResponseBody : ForwardStream
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

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                _inner.Dispose();
            base.Dispose(disposing);
        }
    }
}

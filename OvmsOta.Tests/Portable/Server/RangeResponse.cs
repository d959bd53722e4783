using System.IO;
using OvmsOta.Ports;

namespace OvmsOta.Tests.Portable.Server
{
    /// <summary>A canned response with the headers a range request is answered with.</summary>
    public sealed class RangeResponse : IRangeResponse
    {
        readonly ScriptedBody _body;

        public RangeResponse(int statusCode, int contentLength, string contentRange, string etag, ScriptedBody body)
        {
            StatusCode = statusCode;
            ContentLength = contentLength;
            ContentRange = contentRange;
            ETag = etag;
            _body = body;
        }

        public int StatusCode { get; private set; }
        public int ContentLength { get; private set; }
        public string Location { get { return null; } }
        public string ContentRange { get; private set; }
        public string ETag { get; private set; }
        public string LastModified { get { return null; } }
        public bool Disposed { get; private set; }
        public Stream Body { get { return _body; } }
        public bool EndOfBody { get { return _body != null && _body.Ended; } }

        public void Dispose()
        {
            Disposed = true;
        }
    }
}

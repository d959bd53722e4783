using System.IO;
using OvmsOta.Ports;

namespace OvmsOta.Tests.Portable.Server
{
    /// <summary>A canned response; the end of its body is known only once the body reached it.</summary>
    public sealed class FakeResponse : IHttpResponse
    {
        readonly ScriptedBody _body;

        public FakeResponse(int statusCode, int contentLength, string location, ScriptedBody body)
        {
            StatusCode = statusCode;
            ContentLength = contentLength;
            Location = location;
            _body = body;
        }

        public int StatusCode { get; private set; }
        public int ContentLength { get; private set; }
        public string Location { get; private set; }
        public bool Disposed { get; private set; }

        public Stream Body
        {
            get { return _body; }
        }

        public bool EndOfBody
        {
            get { return _body != null && _body.Ended; }
        }

        public void Dispose()
        {
            Disposed = true;
        }
    }
}

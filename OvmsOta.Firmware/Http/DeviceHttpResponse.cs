using System.IO;
using System.Net;
using OvmsOta.Ports;

namespace OvmsOta.Firmware.Http
{
    /// <summary>
    /// One response of <see cref="DeviceHttpTransport"/>: status, Content-Length, Location, and the body framed by
    /// Content-Length or decoded from chunked transfer coding (which then has no Content-Length: it would be ignored).
    /// </summary>
    public sealed class DeviceHttpResponse : IRangeResponse
    {
        private readonly HttpWebResponse _response;
        private readonly ResponseBody _body;
        private readonly int _contentLength;
        private readonly string _location;

        public DeviceHttpResponse(HttpWebResponse response)
        {
            _response = response;
            string transferEncoding = response.GetResponseHeader("Transfer-Encoding");
            long length = ResponseBody.IsChunked(transferEncoding) ? -1 : response.ContentLength;
            _contentLength = length < 0 ? -1 : (length > int.MaxValue ? int.MaxValue : (int)length);
            string location = response.GetResponseHeader("Location");
            _location = location != null && location.Length > 0 ? location : null;
            _body = ResponseBody.For(response.GetResponseStream(), transferEncoding, length < 0 ? -1 : length);
        }

        public int StatusCode { get { return (int)_response.StatusCode; } }
        public int ContentLength { get { return _contentLength; } }
        public string Location { get { return _location; } }
        public string ContentRange { get { return Header("Content-Range"); } }
        public string ETag { get { return Header("ETag"); } }
        public string LastModified { get { return Header("Last-Modified"); } }
        public Stream Body { get { return _body; } }
        public bool EndOfBody { get { return _body.Ended; } }

        private string Header(string name)
        {
            string value = _response.GetResponseHeader(name);
            return value != null && value.Length > 0 ? value : null;
        }

        public void Dispose()
        {
            // nanoFramework runs out of memory after a few undisposed responses: close the stream and the response.
            _body.Dispose();
            _response.Dispose();
        }
    }
}

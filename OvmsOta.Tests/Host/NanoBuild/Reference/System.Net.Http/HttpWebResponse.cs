// Reference model of nanoframework/System.Net.Http, tag v1.5.207, nanoFramework.System.Net.Http/Http/System.Net.HttpWebResponse.cs.
// Not modelled: Headers (WebHeaderCollection).
using System.IO;

namespace System.Net
{
    public class HttpWebResponse : WebResponse
    {
        internal HttpWebResponse() { }

        public override long ContentLength => throw null;
        public string ContentEncoding => throw null;
        public override string ContentType => throw null;
        public string Server => throw null;
        public DateTime LastModified => throw null;
        public HttpStatusCode StatusCode => throw null;
        public string StatusDescription => throw null;
        public Version ProtocolVersion => throw null;
        public override Uri ResponseUri => throw null;
        public string Method => throw null;

        public override Stream GetResponseStream() => throw null;
        public string GetResponseHeader(string headerName) => throw null;
        protected override void Dispose(bool disposing) => throw null;
        public override void Close() => throw null;
    }
}

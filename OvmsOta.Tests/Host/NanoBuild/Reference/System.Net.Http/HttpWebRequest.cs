// Reference model of nanoframework/System.Net.Http, tag v1.5.207, nanoFramework.System.Net.Http/Http/System.Net.HttpWebRequest.cs:
// the overrides and the members of plain types as declared there. Not modelled: Credentials, HttpsAuthentCert,
// SslVerification, SslProtocols, ContinueDelegate, Headers, Proxy (types OvmsOta does not use).
using System.IO;

namespace System.Net
{
    public class HttpWebRequest : WebRequest
    {
        internal HttpWebRequest() { }

        protected override void Dispose(bool disposing) => throw null;

        public override int Timeout { get => throw null; set => throw null; }
        public int ReadWriteTimeout { get => throw null; set => throw null; }
        public override Uri RequestUri => throw null;
        public Uri Address => throw null;
        public bool AllowWriteStreamBuffering { get => throw null; set => throw null; }
        public override long ContentLength { get => throw null; set => throw null; }
        public bool AllowAutoRedirect => throw null;
        public int MaximumAutomaticRedirections => throw null;
        public override string Method { get => throw null; set => throw null; }
        public bool KeepAlive { get => throw null; set => throw null; }
        public int MaximumResponseHeadersLength { get => throw null; set => throw null; }
        public static int DefaultMaximumResponseHeadersLength { get => throw null; set => throw null; }
        public bool SendChunked { get => throw null; set => throw null; }
        public Version ProtocolVersion { get => throw null; set => throw null; }
        public override string ContentType { get => throw null; set => throw null; }
        public string TransferEncoding { get => throw null; set => throw null; }
        public string Accept { get => throw null; set => throw null; }
        public string Referer { get => throw null; set => throw null; }
        public string UserAgent { get => throw null; set => throw null; }
        public string Expect { get => throw null; set => throw null; }
        public DateTime IfModifiedSince => throw null;
        public bool HaveResponse => throw null;

        public void Reset() => throw null;
        public void AddRange(int from, int to) => throw null;
        public void AddRange(int range) => throw null;
        public void AddRange(string rangeSpecifier, int from, int to) => throw null;
        public void AddRange(string rangeSpecifier, int range) => throw null;
        public override WebResponse GetResponse() => throw null;
        public override Stream GetRequestStream() => throw null;
    }
}

// Reference model of nanoframework/System.Net.Http, tag v1.5.207, nanoFramework.System.Net.Http/Http/System.Net.WebRequest.cs:
// abstract, with the virtual members and static Create overloads as declared there. Not modelled: Headers, Proxy,
// DefaultWebProxy, RegisterPrefix (types OvmsOta does not use).
using System.IO;

namespace System.Net
{
    public abstract class WebRequest : MarshalByRefObject, IDisposable
    {
        protected WebRequest() => throw null;

        public static void Initialize() => throw null;
        public void Dispose() => throw null;
        protected virtual void Dispose(bool disposing) => throw null;

        public virtual string Method { get => throw null; set => throw null; }
        public virtual Uri RequestUri => throw null;
        public virtual string ConnectionGroupName { get => throw null; set => throw null; }
        public virtual long ContentLength { get => throw null; set => throw null; }
        public virtual string ContentType { get => throw null; set => throw null; }
        public virtual int Timeout { get => throw null; set => throw null; }

        public virtual Stream GetRequestStream() => throw null;
        public virtual WebResponse GetResponse() => throw null;
        public static WebRequest Create(string requestUriString) => throw null;
        public static WebRequest Create(Uri requestUri) => throw null;
    }
}

// Reference model of nanoframework/System.Net.Http, tag v1.5.207, nanoFramework.System.Net.Http/Http/System.Net.WebResponse.cs.
// Not modelled: Headers (WebHeaderCollection).
using System.IO;

namespace System.Net
{
    public abstract class WebResponse : MarshalByRefObject, IDisposable
    {
        protected WebResponse() => throw null;

        public virtual long ContentLength { get => throw null; set => throw null; }
        public virtual string ContentType { get => throw null; set => throw null; }
        public virtual Uri ResponseUri => throw null;

        public virtual Stream GetResponseStream() => throw null;
        public virtual void Close() => throw null;
        public void Dispose() => throw null;
        protected virtual void Dispose(bool disposing) => throw null;
    }
}

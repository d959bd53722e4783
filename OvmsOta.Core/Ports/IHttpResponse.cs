using System;
using System.IO;
using OvmsOta.UpdateServer;

namespace OvmsOta.Ports
{
    /// <summary>
    /// A response whose body has not been read yet. Dispose it always (nanoFramework runs out of memory
    /// after a few undisposed responses).
    /// </summary>
    public interface IHttpResponse : IDisposable
    {
        /// <summary>The HTTP status code.</summary>
        int StatusCode { get; }

        /// <summary>Content-Length, or -1 when the response has none.</summary>
        int ContentLength { get; }

        /// <summary>The Location header as sent (absolute or relative), or null.</summary>
        string Location { get; }

        /// <summary>
        /// The body. Read may return 0 when no data has arrived yet (nanoFramework's network stream does);
        /// it throws System.TimeoutException when no data came within the request timeout. A transport
        /// that frames the body by Content-Length stops there; one that does not passes on any surplus,
        /// which HttpFetcher refuses.
        /// </summary>
        Stream Body { get; }

        /// <summary>
        /// True once the transport knows the body has ended (connection closed, last chunk, or all of
        /// Content-Length read), so a 0 from Read means the end rather than "no data yet".
        /// </summary>
        bool EndOfBody { get; }
    }
}

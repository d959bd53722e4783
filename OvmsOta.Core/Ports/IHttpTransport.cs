using OvmsOta.UpdateServer;

namespace OvmsOta.Ports
{
    /// <summary>
    /// One synchronous HTTP GET, nothing more: no redirects, no status checks (HttpFetcher does those, so
    /// the device and the host behave the same). The device implements it with nanoFramework's HttpClient,
    /// the host with .NET's.
    /// </summary>
    public interface IHttpTransport
    {
        /// <summary>
        /// Sends GET for an absolute http:// or https:// URL with the given User-Agent, and returns once the
        /// status line and headers are in (the body is not read yet). timeoutMilliseconds bounds connecting
        /// and the headers, and each wait for body data. Failures to connect or to read the headers throw
        /// (any exception type; HttpFetcher reports them as "Request failed").
        /// </summary>
        IHttpResponse Get(string url, string userAgent, int timeoutMilliseconds);
    }
}

namespace OvmsOta.Ports
{
    /// <summary>
    /// A transport that can also ask for part of a resource (RFC 9110 Range, "bytes=first-last"): what a cellular
    /// update needs to read an image's header before fetching it, and to go on after a dropped connection instead of
    /// starting again at byte 0. The server decides: 206 with the range, or 200 with the whole body when it ignores
    /// Range (HttpFetcher handles both). Responses should implement <see cref="IRangeResponse"/>.
    /// </summary>
    public interface IRangeHttpTransport : IHttpTransport
    {
        /// <summary>As <see cref="IHttpTransport.Get"/>, with "Range: bytes=first-last" (last -1: "bytes=first-").</summary>
        IHttpResponse GetRange(string url, string userAgent, int timeoutMilliseconds, int first, int last);
    }
}

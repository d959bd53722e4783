using System.Net;
using OvmsOta.Ports;
using OvmsOta.UpdateServer;

namespace OvmsOta.Simulator.Net;

/// <summary>
/// The host's IHttpTransport: .NET's HttpClient, returning after the headers (ResponseHeadersRead), with
/// redirects off because HttpFetcher follows them itself, exactly as it must on the device.
/// </summary>
/// <remarks>
/// .NET frames a body by Content-Length: surplus bytes from a misbehaving server never reach the caller,
/// so HttpFetcher's surplus check cannot fire through this transport (the body simply ends there).
/// </remarks>
public sealed class HttpClientTransport : IRangeHttpTransport, IDisposable
{
    readonly HttpClient _client;

    public HttpClientTransport()
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
        };
        // Per-request timeouts below; the client-wide one would also cut a long download.
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public IHttpResponse Get(string url, string userAgent, int timeoutMilliseconds) => Send(url, userAgent, timeoutMilliseconds, -1, -1);

    public IHttpResponse GetRange(string url, string userAgent, int timeoutMilliseconds, int first, int last) =>
        Send(url, userAgent, timeoutMilliseconds, first, last);

    IHttpResponse Send(string url, string userAgent, int timeoutMilliseconds, int first, int last)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (first >= 0)
            request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(first, last < 0 ? null : last);
        if (!string.IsNullOrEmpty(userAgent))
            request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        // As nanoFramework's HttpClient does: one request per connection.
        request.Headers.ConnectionClose = true;
        using var headersTimeout = new CancellationTokenSource(timeoutMilliseconds);
        HttpResponseMessage response;
        try
        {
            response = _client.Send(request, HttpCompletionOption.ResponseHeadersRead, headersTimeout.Token);
        }
        catch (OperationCanceledException e) when (headersTimeout.IsCancellationRequested)
        {
            throw new TimeoutException("no response headers within " + timeoutMilliseconds + " ms", e);
        }
        catch (HttpRequestException e)
        {
            // The inner exception (socket error) says more than "An error occurred while sending the request."
            throw new IOException(e.InnerException?.Message ?? e.Message, e);
        }
        return new HttpClientResponse(response, timeoutMilliseconds);
    }

    public void Dispose() => _client.Dispose();
}

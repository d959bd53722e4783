using OvmsOta.Ports;

namespace OvmsOta.Simulator.Net;

/// <summary>An HttpResponseMessage as IHttpResponse, its body read with a per-read timeout.</summary>
sealed class HttpClientResponse : IRangeResponse
{
    readonly HttpResponseMessage _response;
    readonly TimedReadStream _body;

    public HttpClientResponse(HttpResponseMessage response, int readTimeoutMilliseconds)
    {
        _response = response;
        _body = new TimedReadStream(response.Content.ReadAsStream(), readTimeoutMilliseconds);
    }

    public int StatusCode => (int)_response.StatusCode;

    public int ContentLength
    {
        get
        {
            long? length = _response.Content.Headers.ContentLength;
            return length is null || length > int.MaxValue ? -1 : (int)length.Value;
        }
    }

    public string? Location => _response.Headers.Location?.OriginalString;

    // The raw header texts: the engine parses them, as it does on the device.
    public string? ContentRange => _response.Content.Headers.TryGetValues("Content-Range", out var values) ? string.Join(",", values) : null;
    public string? ETag => _response.Headers.TryGetValues("ETag", out var values) ? string.Join(",", values) : null;
    public string? LastModified => _response.Content.Headers.TryGetValues("Last-Modified", out var values) ? string.Join(",", values) : null;

    public Stream Body => _body;

    public bool EndOfBody => _body.Ended;

    public void Dispose()
    {
        _body.Dispose();
        _response.Dispose();
    }
}

using OvmsOta.Ports;
using OvmsOta.UpdateServer;

namespace OvmsOta.Simulator.Benchmarks;

/// <summary>
/// An update server behind a modelled cellular link, in memory: it answers Range requests (or ignores them), drops the
/// connection at file offsets it is given, counts the body bytes that cross the link, and advances its clock by what
/// each request costs there (connect and request round trips, then bytes at the link's rate; a drop adds the stall
/// timeout the module waits before it notices). The clock is also the module's, so retry backoffs count.
/// </summary>
sealed class ModemLink : IRangeHttpTransport, IMonotonicClock
{
    readonly Dictionary<string, byte[]> _files = new();
    readonly List<int> _drops = new();

    public ModemLink(double bytesPerSecond, int roundTripMilliseconds)
    {
        BytesPerSecond = bytesPerSecond;
        RoundTripMilliseconds = roundTripMilliseconds;
    }

    public double BytesPerSecond { get; }
    public int RoundTripMilliseconds { get; }
    public bool IgnoresRange { get; set; }
    public long Milliseconds { get; set; }
    public long BytesOverAir { get; private set; }
    public int Requests { get; private set; }

    public void Put(string url, byte[] data) => _files[url] = data;

    /// <summary>The next response that reaches this file offset loses its connection there.</summary>
    public void DropAt(int offset) => _drops.Add(offset);

    public void Pause(int milliseconds) => Milliseconds += milliseconds;

    public IHttpResponse Get(string url, string userAgent, int timeoutMilliseconds) => Answer(url, 0, -1, false);

    public IHttpResponse GetRange(string url, string userAgent, int timeoutMilliseconds, int first, int last) =>
        Answer(url, first, last, !IgnoresRange);

    IHttpResponse Answer(string url, int first, int last, bool ranged)
    {
        Requests++;
        // TCP connect, then the request and the response head: two round trips (plain HTTP; TLS would add one or two).
        Milliseconds += 2 * RoundTripMilliseconds;
        if (!_files.TryGetValue(url, out byte[]? file))
            return new Response(404, 0, null, Array.Empty<byte>(), true, this);
        if (!ranged)
        {
            first = 0;
            last = file.Length - 1;
        }
        if (last < 0 || last >= file.Length)
            last = file.Length - 1;
        int length = last - first + 1;
        int sent = length;
        bool dropped = false;
        int drop = _drops.FindIndex(at => at > first && at <= last);
        if (drop >= 0)
        {
            sent = _drops[drop] - first;
            _drops.RemoveAt(drop);
            dropped = true;
        }
        var body = new byte[sent];
        Array.Copy(file, first, body, 0, sent);
        string? range = ranged ? "bytes " + first + "-" + last + "/" + file.Length : null;
        return new Response(ranged ? 206 : 200, length, range, body, !dropped, this);
    }

    /// <summary>Charges body bytes to the link as they are read.</summary>
    void Carried(int bytes)
    {
        BytesOverAir += bytes;
        Milliseconds += (long)(bytes * 1000.0 / BytesPerSecond);
    }

    sealed class Response : IRangeResponse
    {
        readonly byte[] _body;
        readonly bool _complete;
        readonly ModemLink _link;
        int _position;
        bool _ended;

        public Response(int status, int contentLength, string? contentRange, byte[] body, bool complete, ModemLink link)
        {
            StatusCode = status;
            ContentLength = contentLength;
            ContentRange = contentRange;
            _body = body;
            _complete = complete;
            _link = link;
            Body = new BodyStream(this);
        }

        public int StatusCode { get; }
        public int ContentLength { get; }
        public string? Location => null;
        public string? ContentRange { get; }
        public string? ETag => "\"bench\"";
        public string? LastModified => null;
        public Stream Body { get; }
        public bool EndOfBody => _ended;
        public void Dispose() { }

        int Read(byte[] buffer, int offset, int count)
        {
            int n = Math.Min(count, _body.Length - _position);
            if (n == 0)
            {
                if (!_complete)
                {
                    // The module notices a dead link only when its stall timeout passes.
                    _link.Milliseconds += HttpFetcher.DefaultStallTimeoutMilliseconds;
                    throw new TimeoutException("the modem link dropped");
                }
                _ended = true;
                return 0;
            }
            Array.Copy(_body, _position, buffer, offset, n);
            _position += n;
            _link.Carried(n);
            return n;
        }

        sealed class BodyStream(Response response) : Stream
        {
            public override int Read(byte[] buffer, int offset, int count) => response.Read(buffer, offset, count);
            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => false;
            public override long Length => throw new NotSupportedException();
            public override long Position { get => response._position; set => throw new NotSupportedException(); }
            public override void Flush() { }
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }
}

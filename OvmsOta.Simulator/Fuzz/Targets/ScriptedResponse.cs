using System.Globalization;
using System.Text;
using OvmsOta.Ports;

namespace OvmsOta.Simulator.Fuzz.Targets;

/// <summary>
/// One HTTP response written as text, as a transport would hand it to HttpFetcher: the status line and headers
/// ("HTTP/1.1 302 Found", "Content-Length: 5", "Location: /x"), a blank line, the body. Fuzzer-only headers say how
/// the body arrives: "X-Pieces: 3,0,7" (read sizes, 0 = no data yet), "X-Fail: timeout@N|error@N|stall@N" (after N
/// bytes), "X-End: never" (the transport never learns the end), "X-Framed: yes" (stops at Content-Length).
/// A status line or Content-Length a transport could not parse makes Get throw, as a real one does.
/// </summary>
public sealed class ScriptedResponse : IHttpResponse
{
    readonly byte[] _body;
    readonly int[] _pieces;
    readonly string _failKind = "";
    readonly int _failAt = -1;
    readonly bool _endKnown = true;
    int _position;
    int _piece;

    ScriptedResponse(int status, int contentLength, string? location, byte[] body, int[] pieces, string fail, bool endKnown, bool framed)
    {
        StatusCode = status;
        ContentLength = contentLength;
        Location = location;
        _body = framed && contentLength >= 0 && contentLength < body.Length ? body[..contentLength] : body;
        _pieces = pieces;
        _endKnown = endKnown;
        int at = fail.IndexOf('@');
        if (at > 0 && int.TryParse(fail.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int failAt))
        {
            _failKind = fail[..at];
            _failAt = failAt;
        }
        Body = new BodyStream(this);
    }

    public int StatusCode { get; }
    public int ContentLength { get; }
    public string? Location { get; }
    public Stream Body { get; }
    public bool EndOfBody => _endKnown && _position >= _body.Length;
    public bool Disposed { get; private set; }

    public void Dispose() => Disposed = true;

    /// <summary>Parses one response; throws IOException where a real transport would fail to read the head.</summary>
    public static ScriptedResponse Parse(string text)
    {
        int split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        int bodyStart = split + 4;
        if (split < 0)
        {
            split = text.IndexOf("\n\n", StringComparison.Ordinal);
            bodyStart = split + 2;
        }
        if (split < 0)
            (split, bodyStart) = (text.Length, text.Length);
        string[] lines = text[..split].Split('\n');
        string[] status = lines[0].TrimEnd('\r').Split(' ', 3);
        if (status.Length < 2 || !status[0].StartsWith("HTTP/", StringComparison.Ordinal)
            || !int.TryParse(status[1], NumberStyles.None, CultureInfo.InvariantCulture, out int code) || code > 999)
            throw new IOException("malformed HTTP status line");
        int length = -1;
        string? location = null;
        int[] pieces = [];
        string fail = "";
        bool endKnown = true, framed = false;
        foreach (string raw in lines.Skip(1))
        {
            string line = raw.TrimEnd('\r');
            int colon = line.IndexOf(':');
            if (colon <= 0)
                throw new IOException("malformed HTTP header line");
            string name = line[..colon].Trim().ToLowerInvariant(), value = line[(colon + 1)..].Trim();
            switch (name)
            {
                case "content-length":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out length))
                        throw new IOException("bad Content-Length");
                    break;
                case "location": location = value; break;
                case "x-pieces": pieces = value.Split(',').Select(p => int.TryParse(p, out int n) && n >= 0 ? n : 1).Take(64).ToArray(); break;
                case "x-fail": fail = value; break;
                case "x-end": endKnown = value != "never"; break;
                case "x-framed": framed = value == "yes"; break;
            }
        }
        return new ScriptedResponse(code, length, location, Encoding.Latin1.GetBytes(text[bodyStart..]), pieces, fail, endKnown, framed);
    }

    int Read(byte[] buffer, int offset, int count)
    {
        if (_failAt >= 0 && _position >= _failAt)
        {
            if (_failKind == "timeout")
                throw new TimeoutException("no data within the request timeout");
            if (_failKind == "error")
                throw new IOException("connection reset by peer");
            if (_failKind == "stall")
                return 0;
        }
        int want = count;
        if (_pieces.Length > 0)
        {
            want = Math.Min(want, _pieces[_piece++ % _pieces.Length]);
            if (want == 0)
                return 0;
        }
        if (_failAt >= 0 && _position < _failAt)
            want = Math.Min(want, _failAt - _position);
        int n = Math.Max(0, Math.Min(want, _body.Length - _position));
        Array.Copy(_body, _position, buffer, offset, n);
        _position += n;
        return n;
    }

    sealed class BodyStream(ScriptedResponse response) : Stream
    {
        public override int Read(byte[] buffer, int offset, int count) => response.Read(buffer, offset, count);
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

using System.Text;
using FsCheck;
using FsCheck.Fluent;
using OvmsOta.UpdateServer;

namespace OvmsOta.Simulator.Fuzz.Targets;

/// <summary>
/// What HttpFetcher makes of a server's answers: status, Content-Length, Location and redirects, and the body as it
/// arrives (pieces, stalls, timeouts, resets, surplus). Input: responses in <see cref="ScriptedResponse"/>'s text form,
/// separated by "=====". Even lengths fetch a .ver, odd ones download an image into a sink. Besides "only
/// DownloadException", every response must be disposed and the sink must end in exactly one of Complete (with all
/// announced bytes) or Fail.
/// </summary>
public sealed class HttpTarget : FuzzTarget
{
    const string Separator = "=====";
    const string Url = "ota.example.com/firmware/ota/v3.3-5/main/ovms3.ver";

    public override string Name => "http";
    public override string Description => "HTTP status, headers (Content-Length, Location, redirects) and body framing through HttpFetcher";
    public override Type[] AllowedErrors => [typeof(DownloadException)];
    public override int MaxInputLength => 8192;

    public override IReadOnlyList<byte[]> Seeds()
    {
        string image = new string('x', 1100);
        return new[]
        {
            "HTTP/1.1 200 OK\r\nContent-Length: 25\r\n\r\n3.3.005-925-g3e67d4e6d\nok",
            "HTTP/1.1 302 Found\r\nLocation: /other/ovms3.ver\r\n\r\n=====HTTP/1.1 200 OK\r\n\r\n3.3.006\n",
            "HTTP/1.1 200 OK\r\nContent-Length: 1100\r\nX-Pieces: 7,0,300\r\n\r\n" + image + "!",
            "HTTP/1.1 200 OK\r\nContent-Length: 1100\r\nX-Fail: timeout@512\r\n\r\n" + image,
            "HTTP/1.0 301 Moved\r\nLocation: https://mirror.example/a/b\r\n\r\n=====HTTP/1.1 404 Not Found\r\n\r\n",
        }.Select(FuzzSeeds.Text).ToList();
    }

    public override Gen<string>? Grammar
    {
        get
        {
            Gen<string> status = Gen.Elements("200", "301", "302", "303", "307", "308", "404", "500", "503", "204", "100", "999", "0", "2000", "-1", "20x");
            Gen<string> header = Gen.OneOf(
                Gen.Elements(TextGrammar.Numbers).Select(n => "Content-Length: " + n),
                Gen.Elements("/x", "http://a.example/b", "https://b.example:8443/c?d", "//c.example/d", "../up", "?q", "#f", "", "ftp://e/f",
                    "file:///etc/passwd", "data:text/plain,x", "http://", "http://[::1]/", "javascript:x", "\u0000", " /sp ace").Select(l => "Location: " + l),
                Gen.Choose(0, 9).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 700), n)).Select(p => "X-Pieces: " + string.Join(",", p)),
                Gen.Elements("timeout", "error", "stall").SelectMany(k => Gen.Choose(0, 1200).Select(n => "X-Fail: " + k + "@" + n)),
                Gen.Constant("X-End: never"), Gen.Constant("X-Framed: yes"), TextGrammar.Tokens(["Name", ":", " ", "v"], 4));
            Gen<string> body = Gen.OneOf(TextGrammar.Tokens(["3.3.005", "\n", "changelog", " "], 6),
                Gen.Choose(0, 1400).Select(n => new string('b', n)));
            Gen<string> response = Gen.Elements("HTTP/1.1", "HTTP/1.0", "HTTP/2", "ICY").SelectMany(v => status.SelectMany(s =>
                Gen.Choose(0, 5).SelectMany(n => Gen.ArrayOf(header, n)).SelectMany(h => body.Select(b =>
                    v + " " + s + " Reason\r\n" + string.Concat(h.Select(x => x + "\r\n")) + "\r\n" + b))));
            return Gen.Choose(1, 7).SelectMany(n => Gen.ArrayOf(response, n)).Select(r => string.Join(Separator, r));
        }
    }

    public override void Execute(byte[] input)
    {
        var transport = new ScriptedTransport(Encoding.Latin1.GetString(input).Split(Separator));
        var fetcher = new HttpFetcher(transport, new VirtualClock(), "ovms-fuzz");
        try
        {
            if (input.Length % 2 == 0)
            {
                VersionFile file = fetcher.FetchVersionFile(Url);
                _ = file.Version + file.Changelog;
            }
            else
                Download(fetcher);
        }
        finally
        {
            if (transport.Opened.Any(r => !r.Disposed))
                throw new FuzzPropertyException("responses disposed", "a response was not disposed");
        }
    }

    static void Download(HttpFetcher fetcher)
    {
        var sink = new RecordingSink();
        int length;
        try
        {
            length = fetcher.Download(Url.Replace("ovms3.ver", "ovms3.bin"), new byte[512], sink);
        }
        catch (DownloadException)
        {
            if (sink.Completed || (sink.Begun && !sink.Failed))
                throw new FuzzPropertyException("sink failed", "a failed download left the sink " + (sink.Completed ? "completed" : "open"));
            throw;
        }
        if (!sink.Completed || sink.Failed || sink.Written != length || sink.Expected != length)
            throw new FuzzPropertyException("sink complete", "a download returned " + length + " but the sink got " + sink.Written + " of " + sink.Expected
                + (sink.Completed ? "" : ", not completed") + (sink.Failed ? ", failed" : ""));
    }

    sealed class RecordingSink : IDownloadSink
    {
        public bool Begun, Completed, Failed;
        public int Expected = -1;
        public long Written;

        public void Begin(int expectedLength) { Begun = true; Expected = expectedLength; }
        public void Write(byte[] buffer, int offset, int count) => Written += count;
        public void Complete() => Completed = true;
        public void Fail(string reason) => Failed = true;
    }
}

using FsCheck;
using OvmsOta.Push;

namespace OvmsOta.Simulator.Fuzz.Targets;

/// <summary>The push endpoint's request line and headers (RequestHead over RequestInput) and the header parameters it reads.</summary>
public sealed class PushHeadTarget : FuzzTarget
{
    internal static readonly string[] Words =
    [
        "POST", "GET", " ", "/update", "?size=", "&", "=", "HTTP/1.1", "HTTP/1.0", "\r\n", "\n", ":", "Content-Length", "Content-Type",
        "Authorization", "Bearer ", "Transfer-Encoding", "chunked", "Expect", "100-continue", "multipart/form-data", "; boundary=", "\"", "x",
    ];

    public override string Name => "push-head";
    public override string Description => "push request line and headers (RequestHead.Read, QueryValue, HeaderParameter)";
    public override Type[] AllowedErrors => [typeof(PushException)];
    public override int MaxInputLength => 16384;

    public override IReadOnlyList<byte[]> Seeds() => new[]
    {
        "POST /update?size=1100 HTTP/1.1\r\nHost: module\r\nAuthorization: Bearer 0123456789abcdef\r\nContent-Type: multipart/form-data; boundary=\"XyZ\"\r\nContent-Length: 1300\r\nExpect: 100-continue\r\n\r\n",
        "GET / HTTP/1.0\n\n",
    }.Select(FuzzSeeds.Text).ToList();

    public override Gen<string>? Grammar => TextGrammar.Tokens(Words, 40);

    public override void Execute(byte[] input)
    {
        RequestHead head = RequestHead.Read(new RequestInput(new ChunkedStream(input), new byte[PushEndpoint.DefaultBufferSize]));
        head.QueryValue("size");
        HeaderParameter.MediaType(head.ContentType);
        HeaderParameter.Find(head.ContentType, "boundary");
    }
}

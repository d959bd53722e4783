using System.Text;
using FsCheck;
using FsCheck.Fluent;
using OvmsOta.UpdateServer;

namespace OvmsOta.Simulator.Fuzz.Targets;

/// <summary>URLs as `ota flash http URL` and `ota server` give them, and redirect Locations resolved against them.
/// Input: the URL, a newline, the Location.</summary>
public sealed class UrlTarget : FuzzTarget
{
    static readonly string[] Words =
    [
        "http://", "https://", "ftp://", "file:", "data:", "HTTP://", "//", "/", "../", "./", "..", ".", "?", "#", ":", "@", "[", "]", "::1",
        "api.openvehicles.com", "firmware", "ota", "ovms3.bin", "v3.3", "80", "65536", "%2F", "%", " ", "\\", "a",
    ];

    public override string Name => "url";
    public override string Description => "URL and redirect resolution (UrlResolver.Absolute, Resolve; UpdateUrl)";
    public override Type[] AllowedErrors => [typeof(DownloadException)];
    public override int MaxInputLength => 2048;

    public override IReadOnlyList<byte[]> Seeds() => new[]
    {
        "api.openvehicles.com/firmware/ota\n/firmware/ota/v3.3/main/ovms3.bin", "http://a.example:8080/x/y\n../z",
        "https://b.example/p?q=1\n//c.example/d", "http://h/a/b/c\n?x", "h.example\nhttps://i.example/",
    }.Select(FuzzSeeds.Text).ToList();

    public override Gen<string>? Grammar =>
        TextGrammar.Tokens(Words, 10).SelectMany(a => TextGrammar.Tokens(Words, 10).Select(b => a + "\n" + b));

    public override void Execute(byte[] input)
    {
        string text = Encoding.UTF8.GetString(input);
        int newline = text.IndexOf('\n');
        string url = newline < 0 ? text : text[..newline];
        string location = newline < 0 ? "" : text[(newline + 1)..];
        UpdateUrl.Image(url, "v3.3-5", "main");
        string absolute = UrlResolver.Absolute(url);
        if (!absolute.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !absolute.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            throw new FuzzPropertyException("absolute is http(s)", "Absolute gave a URL that is not http(s): " + absolute);
        if (location.Length > 0)
            UrlResolver.Absolute(UrlResolver.Resolve(absolute, location));
    }
}

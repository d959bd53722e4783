using System.Text;
using FsCheck;
using OvmsOta.UpdateServer;

namespace OvmsOta.Simulator.Fuzz.Targets;

/// <summary>An ovms3.ver as the update server sends it: the version line and the changelog; then the version compared
/// with the running one, as `ota status` and the nightly job do.</summary>
public sealed class VersionFileTarget : FuzzTarget
{
    static readonly string[] Words = ["3.3.005", "-925-g3e67d4e6d", "3", ".", "-", "\n", "\r\n", "\r", "changelog", " ", "v", "OVMS", "edge", "#"];

    public override string Name => "version-file";
    public override string Description => ".ver file (VersionFile.Parse, VersionComparer against the running version)";
    public override Type[] AllowedErrors => [typeof(DownloadException)];
    public override int MaxInputLength => HttpFetcher.MaximumVersionFileLength;

    public override IReadOnlyList<byte[]> Seeds() => new[]
    {
        "3.3.005-925-g3e67d4e6d\nFixes:\n- things\n", "3.3.006\r\n", "3.3.004-1-gabc\n\n\nlong changelog\n", "",
    }.Select(FuzzSeeds.Text).ToList();

    public override Gen<string>? Grammar => TextGrammar.Tokens(Words, 24);

    public override void Execute(byte[] input)
    {
        VersionFile file = VersionFile.Parse(Encoding.UTF8.GetString(input), "http://ota.example/v3.3/main/ovms3.ver");
        _ = file.Changelog;
        VersionComparer.Compare(file.Version, "3.3.005-925-g3e67d4e6d");
        VersionComparer.IsNewer("3.3.005", file.Version);
        VersionComparer.StrVersCmp(file.Version, file.Changelog ?? "");
    }
}

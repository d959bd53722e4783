using OvmsOta.Bundle;
using OvmsOta.Simulator.Hashing;
using OvmsOta.Simulator.Json;

namespace OvmsOta.Simulator.Bundles;

/// <summary>
/// A bundle file read as a module reads it (stream, 4 KB pieces, the same <see cref="BundleReader"/>), writing nothing:
/// its manifest, each part's size and hash, and valid or the first reason not (`ovmsota bundle info`, `publish`).
/// </summary>
public sealed class BundleInspection : IBundleTarget
{
    public BundleManifest? Manifest { get; private set; }
    public string? Failure { get; private set; }
    public bool Valid => Failure == null;
    public List<string> Parts { get; } = new();

    public static BundleInspection Of(string path)
    {
        var inspection = new BundleInspection();
        var reader = new BundleReader(new SystemTextJsonCodec(), new HostSha256(), inspection);
        try
        {
            using var file = File.OpenRead(path);
            byte[] buffer = new byte[4096];
            int read;
            while ((read = file.Read(buffer, 0, buffer.Length)) > 0)
                reader.Feed(buffer, 0, read);
            reader.Finish();
        }
        catch (BundleException e)
        {
            inspection.Failure = e.Message;
        }
        inspection.Manifest ??= reader.Manifest;
        return inspection;
    }

    void IBundleTarget.Manifest(BundleManifest manifest)
    {
        Manifest = manifest;
        NativeCheck.Check(manifest);
    }

    DeploymentCheck? _deploy;

    void IBundleTarget.BeginPart(int role, BundlePart part)
    {
        if (role == BundleRole.Deploy)
            _deploy = new DeploymentCheck(part.Assemblies);
    }

    void IBundleTarget.PartData(int role, byte[] buffer, int offset, int count)
    {
        if (role == BundleRole.Deploy)
            _deploy!.Feed(buffer, offset, count);
    }

    void IBundleTarget.EndPart(int role)
    {
        if (role == BundleRole.Deploy)
            _deploy!.Finish();
        BundlePart part = BundleRole.Of(Manifest!, role);
        Parts.Add(BundleRole.Name(role) + ": " + part.Src + ", " + part.Size + " bytes, SHA-256 " + part.Sha256 + " (matches)");
    }
}

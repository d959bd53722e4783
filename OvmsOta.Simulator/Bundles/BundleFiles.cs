using System.IO.Compression;
using System.Security.Cryptography;
using OvmsOta.Bundle;
using OvmsOta.Image;
using OvmsOta.Simulator.Hashing;
using OvmsOta.Simulator.Images;
using OvmsOta.Simulator.Json;

namespace OvmsOta.Simulator.Bundles;

/// <summary>
/// `ovmsota bundle make`: a firmware bundle written with .NET's ZipArchive, manifest.json first, every entry stored
/// (NoCompression) or, with --deflate, app.bin and deploy.bin deflated; sizes in the local headers (a seekable file).
/// A deflated bundle needs a module whose firmware has the deflate decoder (OvmsOta with the ROM inflater); earlier
/// ones refuse it by name, so stored stays the default. The app is checked as an ESP32 image and the
/// deployment as nanoCLR checks it; the manifest records each assembly's native checksum and what the nanoCLR provides.
/// </summary>
public static class BundleFiles
{
    public static BundleManifest Make(byte[] app, byte[] deploy, string version, string product, NativeChecksum[]? natives,
        string output, string appSource, string deploySource, bool deflate = false)
    {
        CheckApp(app, appSource);
        BundleManifest manifest = new()
        {
            Name = "ovmsota",
            Version = version,
            Product = product,
            BuildId = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'") + "-" + Sha256(app)[..8] + Sha256(deploy)[..8],
            Parts = new BundleParts
            {
                App = new BundlePart { Src = "app.bin", Size = app.Length, Sha256 = Sha256(app), Target = ManifestReader.AppTarget, Natives = natives },
                Deploy = new BundlePart
                {
                    Src = "deploy.bin", Size = deploy.Length, Sha256 = Sha256(deploy), Target = ManifestReader.DeployTarget,
                    Assemblies = DeploymentListing.Read(deploy, deploySource),
                },
            },
        };
        ManifestReader.Check(manifest);
        NativeCheck.Check(manifest);
        string temporary = output + ".part";
        using (var file = File.Create(temporary))
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        {
            Add(zip, ManifestReader.EntryName, System.Text.Encoding.UTF8.GetBytes(new SystemTextJsonCodec().ToJson(manifest)));
            Add(zip, "app.bin", app, deflate);
            Add(zip, "deploy.bin", deploy, deflate);
        }
        File.Move(temporary, output, true);
        return manifest;
    }

    /// <summary>Adds an entry stored (NoCompression) or deflated (SmallestSize: made once, fetched by every module).</summary>
    public static void Add(ZipArchive zip, string name, byte[] data, bool deflate = false)
    {
        var entry = zip.CreateEntry(name, deflate ? CompressionLevel.SmallestSize : CompressionLevel.NoCompression);
        using var stream = entry.Open();
        stream.Write(data);
    }

    static void CheckApp(byte[] app, string source)
    {
        var validator = HostDigests.Validator();
        validator.Begin(app.Length);
        try
        {
            validator.Feed(app, 0, app.Length);
            validator.Finish();
        }
        catch (ImageException e)
        {
            throw new InvalidDataException(source + ": not a valid ESP32 app image (" + e.Reason + "): " + e.Message);
        }
    }

    public static string Sha256(byte[] data) => Convert.ToHexString(SHA256.HashData(data)).ToLowerInvariant();

    /// <summary>"OvmsOta.Native=0x1A2B3C4D" as a manifest entry.</summary>
    public static NativeChecksum ParseNative(string text)
    {
        int eq = text.IndexOf('=');
        if (eq <= 0)
            throw new ArgumentException("--native " + text + ": expected NAME=0xCHECKSUM");
        var native = new NativeChecksum { Name = text[..eq], Checksum = text[(eq + 1)..] };
        ManifestReader.ParseChecksum("--native " + native.Name, native.Checksum);
        return native;
    }
}

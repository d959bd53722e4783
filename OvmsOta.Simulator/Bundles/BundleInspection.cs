using OvmsOta.Bundle;
using OvmsOta.Image;
using OvmsOta.Signing;
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

    /// <summary>SHA-256 of the manifest.json bytes (what manifest.sig signs), once read.</summary>
    public byte[]? ManifestDigest { get; private set; }

    /// <summary>The blocks of manifest.sig (slots with magic); empty when the bundle is not signed.</summary>
    public List<SignatureBlock> SignatureBlocks { get; } = new();

    byte[] _signature = Array.Empty<byte>();

    public byte[] BlockBytes(int index) => _signature.AsSpan(index * SignatureFormat.BlockSize, SignatureFormat.BlockSize).ToArray();

    /// <summary>The manifest signature lines of `bundle info`: each block's key digest and whether it verifies (with its stored key).</summary>
    public void WriteSignature(TextWriter output)
    {
        if (ManifestDigest == null)
            return;
        if (SignatureBlocks.Count == 0)
        {
            output.WriteLine("Manifest signature: none (no " + ManifestReader.SignatureEntryName + ")");
            return;
        }
        output.WriteLine("Manifest signature (" + ManifestReader.SignatureEntryName + "), manifest SHA-256 " + Hex.Digest(ManifestDigest, 0, 32));
        var verifier = new OvmsOta.Simulator.Signing.HostRsaVerifier();
        foreach (SignatureBlock block in SignatureBlocks)
        {
            string crc = block.CrcValid ? "CRC ok" : "CRC bad";
            string verdict = !block.IsWellFormed ? "not checked"
                : !block.Signs(ManifestDigest) ? "signs another manifest"
                : verifier.Verify(_signature, block.Index * SignatureFormat.BlockSize, ManifestDigest) ? "verified" : "does not verify";
            output.WriteLine($"  Block {block.Index}: {crc}, key digest {Hex.Digest(block.KeyDigest, 0, 32)}, {verdict}");
        }
    }

    public static BundleInspection Of(string path)
    {
        var inspection = new BundleInspection();
        var reader = new BundleReader(new SystemTextJsonCodec(), new HostSha256(), inspection);
        using var deflate = new OvmsOta.Simulator.Compression.ZlibDeflateDecoder();
        reader.Deflate = deflate;
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
        inspection.ManifestDigest = reader.ManifestDigest;
        if (reader.Signature != null)
        {
            inspection._signature = reader.Signature.AsSpan(0, reader.SignatureLength).ToArray();
            var sha = new HostSha256();
            for (int i = 0; i < reader.SignatureLength / SignatureFormat.BlockSize; i++)
            {
                SignatureBlock block = SignatureBlock.Read(inspection._signature, 0, i, sha);
                if (block.HasMagic)
                    inspection.SignatureBlocks.Add(block);
            }
        }
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

using System.IO.Compression;
using System.Security.Cryptography;
using OvmsOta.Bundle;
using OvmsOta.Signing;
using OvmsOta.Simulator.Bundles;

namespace OvmsOta.Simulator.Signing;

/// <summary>
/// `ovmsota bundle sign`: the bundle rewritten with a detached signature of its manifest, manifest.sig (stored, right
/// after manifest.json): the well-formed blocks already there, then a new Secure Boot V2 block whose image digest is the
/// SHA-256 of the manifest.json bytes, as `image sign` appends one (at most 3). The parts are copied unchanged.
/// </summary>
public static class BundleSigner
{
    /// <summary>Signs input into output; returns how many blocks manifest.sig holds. Throws InvalidDataException for a bad bundle.</summary>
    public static int Sign(string input, string output, EspSigningKey key)
    {
        BundleInspection inspection = BundleInspection.Of(input);
        if (!inspection.Valid)
            throw new InvalidDataException(input + " is not a valid bundle: " + inspection.Failure);
        var entries = new List<(string Name, byte[] Data, bool Deflated)>();
        using (var zip = ZipFile.OpenRead(input))
        {
            foreach (ZipArchiveEntry entry in zip.Entries)
            {
                using var stream = entry.Open();
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                entries.Add((entry.FullName, copy.ToArray(), entry.CompressedLength != entry.Length));
            }
        }
        byte[] manifest = entries[0].Data;
        var blocks = new List<byte[]>();
        foreach (SignatureBlock block in inspection.SignatureBlocks)
            if (block.IsWellFormed)
                blocks.Add(inspection.BlockBytes(block.Index));
        if (blocks.Count >= SignatureFormat.MaxBlocks)
            throw new InvalidOperationException("Up to 3 signature blocks are supported (an ESP32 checks block 0 only)");
        var signature = new byte[(blocks.Count + 1) * SignatureFormat.BlockSize];
        for (int i = 0; i < blocks.Count; i++)
            Array.Copy(blocks[i], 0, signature, i * SignatureFormat.BlockSize, SignatureFormat.BlockSize);
        key.ComposeBlock(SHA256.HashData(manifest), signature, blocks.Count * SignatureFormat.BlockSize);
        string temporary = output + ".part";
        using (var file = File.Create(temporary))
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        {
            BundleFiles.Add(zip, ManifestReader.EntryName, manifest);
            BundleFiles.Add(zip, ManifestReader.SignatureEntryName, signature);
            foreach (var (name, data, deflated) in entries.Skip(1))
                if (name != ManifestReader.SignatureEntryName)
                    BundleFiles.Add(zip, name, data, deflated);   // as it was: a deflated part stays deflated
        }
        File.Move(temporary, output, true);
        return blocks.Count + 1;
    }
}

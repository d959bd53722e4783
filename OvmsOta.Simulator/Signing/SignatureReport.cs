using OvmsOta.Image;
using OvmsOta.Signing;

namespace OvmsOta.Simulator.Signing;

/// <summary>The signature lines of `image info` and `image verify`: one per block, as espsecure signature-info-v2 names them.</summary>
public static class SignatureReport
{
    /// <summary>Writes the sector's blocks; keyDigest (may be null) is the key `image verify` was given.</summary>
    public static void Write(TextWriter output, SignedFile file, byte[]? keyDigest)
    {
        if (!file.HasSector)
        {
            output.WriteLine("Signature: none (unsigned: no 4096-byte signature sector at 0x" + file.SectorOffset.ToString("x") + ")");
            return;
        }
        output.WriteLine($"Signature sector at 0x{file.SectorOffset:x}, image part SHA-256 {Hex.Digest(file.ImagePartDigest, 0, 32)}");
        if (file.Blocks.Count == 0)
            output.WriteLine("  no signature block");
        foreach (SignatureBlock block in file.Blocks)
        {
            string crc = block.CrcValid ? "CRC ok" : $"CRC bad (stored {Hex.Format(block.StoredCrc)}, calculated {Hex.Format(block.CalculatedCrc)})";
            string version = block.Version == SignatureFormat.VersionRsa ? "RSA-3072-PSS" : $"version {Hex.Format((uint)block.Version)} (not RSA)";
            string digest = block.Signs(file.ImagePartDigest) ? "signs this image" : "signs another image";
            output.WriteLine($"  Block {block.Index}: {version}, {crc}, {digest}, key digest {Hex.Digest(block.KeyDigest, 0, 32)}");
            if (keyDigest != null)
            {
                bool same = Digests.Equal(block.KeyDigest, 0, keyDigest, 0);
                string verdict = !same ? "not the given key" : file.Verifies(block) ? "verified with the given key" : "the given key, but the signature does not verify";
                output.WriteLine($"    {verdict}");
            }
        }
    }
}

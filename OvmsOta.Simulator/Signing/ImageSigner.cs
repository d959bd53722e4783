using System.Security.Cryptography;
using OvmsOta.Signing;

namespace OvmsOta.Simulator.Signing;

/// <summary>
/// `ovmsota image sign`: espsecure sign-data --version 2 (and --append-signatures): the image part padded with 0xFF to
/// 4096, then a 4096-byte sector with the well-formed blocks already there followed by a new block for key, 0xFF after.
/// </summary>
public static class ImageSigner
{
    /// <summary>The signed file; throws InvalidOperationException when the sector is full (3 blocks), as espsecure.</summary>
    public static byte[] Sign(SignedFile file, EspSigningKey key)
    {
        var kept = new List<byte[]>();
        foreach (SignatureBlock block in file.Blocks)
            if (block.IsWellFormed)
                kept.Add(file.BlockBytes(block.Index));
        if (kept.Count >= SignatureFormat.MaxBlocks)
            throw new InvalidOperationException("Up to 3 signature blocks are supported (an ESP32 checks block 0 only)");
        byte[] part = file.ImagePart();
        byte[] digest = SHA256.HashData(part);
        var signed = new byte[part.Length + SignatureFormat.SectorSize];
        Array.Fill(signed, (byte)0xFF);
        Array.Copy(part, signed, part.Length);
        int at = part.Length;
        foreach (byte[] block in kept)
        {
            Array.Copy(block, 0, signed, at, block.Length);
            at += block.Length;
        }
        key.ComposeBlock(digest, signed, at);
        return signed;
    }
}

using System.Security.Cryptography;
using OvmsOta.Image;
using OvmsOta.Signing;
using OvmsOta.Simulator.Hashing;

namespace OvmsOta.Simulator.Signing;

/// <summary>
/// A signed (or unsigned) app image file as the tools see it: the app image's length from its own structure (as
/// ESP-IDF finds it, not espsecure's "last 4096 bytes"), the image part padded to 4096, the signature sector after it
/// and the 1 to 3 blocks in it.
/// </summary>
public sealed class SignedFile
{
    private SignedFile(byte[] bytes, ImageInfo image)
    {
        Bytes = bytes;
        Image = image;
        SectorOffset = SignatureFormat.SectorOffset(image.ImageLength);
        HasSector = bytes.Length >= SectorOffset + SignatureFormat.SectorSize;
        var blocks = new List<SignatureBlock>();
        if (HasSector)
        {
            using var sha = new HostSha256();
            for (int i = 0; i < SignatureFormat.MaxBlocks; i++)
            {
                SignatureBlock block = SignatureBlock.Read(bytes, SectorOffset, i, sha);
                if (block.HasMagic)
                    blocks.Add(block);
            }
        }
        Blocks = blocks;
        ImagePartDigest = SHA256.HashData(ImagePart());
    }

    public byte[] Bytes { get; }
    public ImageInfo Image { get; }

    /// <summary>Where the signature sector starts (the image length rounded up to 4096).</summary>
    public int SectorOffset { get; }

    /// <summary>The file holds a whole 4096-byte sector at <see cref="SectorOffset"/>.</summary>
    public bool HasSector { get; }

    /// <summary>The slots that start with the block magic (well-formed or not), in sector order.</summary>
    public IReadOnlyList<SignatureBlock> Blocks { get; }

    /// <summary>SHA-256 of the image part (the file's image bytes padded with 0xFF to the sector).</summary>
    public byte[] ImagePartDigest { get; }

    /// <summary>The file's bytes up to the sector, 0xFF-padded where the file is shorter.</summary>
    public byte[] ImagePart()
    {
        var part = new byte[SectorOffset];
        Array.Fill(part, (byte)0xFF);
        Array.Copy(Bytes, part, Math.Min(Bytes.Length, SectorOffset));
        return part;
    }

    /// <summary>Reads and validates the app image in bytes; throws ImageException when it is not a valid image.</summary>
    public static SignedFile Parse(byte[] bytes)
    {
        ImageValidator validator = HostDigests.Validator();
        validator.Begin(0x1000000);
        validator.Feed(bytes, 0, bytes.Length);
        ImageInfo image = validator.Finish();
        return new SignedFile(bytes, image);
    }

    /// <summary>The 1216 bytes of block index.</summary>
    public byte[] BlockBytes(int index)
    {
        var block = new byte[SignatureFormat.BlockSize];
        Array.Copy(Bytes, SectorOffset + index * SignatureFormat.BlockSize, block, 0, block.Length);
        return block;
    }

    /// <summary>Block index is well-formed, signs this image part, and verifies with the key stored in it.</summary>
    public bool Verifies(SignatureBlock block)
    {
        return block.IsWellFormed && block.Signs(ImagePartDigest)
            && new HostRsaVerifier().Verify(BlockBytes(block.Index), 0, ImagePartDigest);
    }
}

using OvmsOta.Image;
using OvmsOta.Simulator.Compression;
using OvmsOta.Simulator.Hashing;
using OvmsOta.Simulator.Images;
using OvmsOta.UpdateServer;

namespace OvmsOta.Simulator.UpdateServer;

/// <summary>
/// Puts an app image into an OVMS-style server tree: DIR/&lt;product&gt;/&lt;tag&gt;/ovms3.bin, its gzip copy
/// ovms3.bin.gz (RFC 1952; its size is its Content-Length, .ver stays as OVMS has it) and ovms3.ver,
/// the .ver's first line being the image's own version (its OVMS marker, else its app description)
/// and the rest the changelog. The image is validated first (structure, checksum, SHA-256); an invalid
/// one changes nothing. Files are written beside their final name and then moved over it, so a server
/// serving the tree never hands out half an image or a .ver that names an image not yet there.
/// </summary>
public static class ImagePublisher
{
    /// <summary>ESP-IDF refuses partitions above 16 MB, so no image can be longer.</summary>
    const int MaxImageSize = 0x1000000;
    const int BlockSize = 4096;

    public static PublishedImage Publish(string imagePath, string serverDir, string product, string tag, string? changelog)
    {
        if (!File.Exists(imagePath))
            throw new PublishException(imagePath + ": no such file");
        byte[] image = File.ReadAllBytes(imagePath);
        // A firmware bundle (fw.zip, "PK") goes beside ovms3.bin as fw.zip; sniffed as the module sniffs.
        if (image.Length > 0 && image[0] == OvmsOta.Engine.FirmwareSession.BundleMagic)
            return BundlePublisher.Publish(imagePath, serverDir, product, tag, changelog);
        return Publish(image, imagePath, serverDir, product, tag, changelog);
    }

    /// <summary>Publishes image bytes; source names them in errors (a path, or "demo image 3.3.006").</summary>
    public static PublishedImage Publish(byte[] image, string source, string serverDir, string product, string tag, string? changelog)
    {
        CheckPathPart(product, "product", "v3.3-5");
        CheckPathPart(tag, "tag", "edge");
        if (image.Length > MaxImageSize)
            throw new PublishException(source + ": " + image.Length + " bytes is more than any app partition holds (16 MB)");
        string version = Validate(image, source);

        string folder = Path.Combine(Path.GetFullPath(serverDir), product, tag);
        Directory.CreateDirectory(folder);
        string binPath = Path.Combine(folder, UpdateUrl.ImageFileName);
        string verPath = Path.Combine(folder, UpdateUrl.VersionFileName);
        // The gzip copy first: a module reading the tree mid-publish sees its head differ from the image's and takes
        // the plain file (ResumableDownload compares the first 0x120 inflated bytes with the image's own).
        byte[] compressed = Gzip.Compress(image);
        ReplaceFile(binPath + ResumableDownload.CompressedSuffix, compressed);
        ReplaceFile(binPath, image);
        ReplaceFile(verPath, System.Text.Encoding.UTF8.GetBytes(VersionFileText(version, changelog)));
        return new PublishedImage(version, image.Length, binPath, verPath, compressed.Length);
    }

    /// <summary>Line 1 the version, then the changelog (if any), each line ended by LF as the server's are.</summary>
    public static string VersionFileText(string version, string? changelog)
    {
        if (string.IsNullOrEmpty(changelog))
            return version + "\n";
        string body = changelog.Replace("\r\n", "\n");
        return version + "\n" + (body.EndsWith('\n') ? body : body + "\n");
    }

    /// <summary>The file is the image, 0xFF to 4096 and one signature sector starting with a block (`image sign`'s output).</summary>
    static bool SignedLayout(byte[] file, int imageLength)
    {
        int sector = OvmsOta.Signing.SignatureFormat.SectorOffset(imageLength);
        return file.Length == sector + OvmsOta.Signing.SignatureFormat.SectorSize && file[sector] == OvmsOta.Signing.SignatureFormat.Magic;
    }

    /// <summary>Streams the image through the validator in 4 KB blocks, as a module streams a download; returns its OVMS version.</summary>
    static string Validate(byte[] image, string source)
    {
        var validator = HostDigests.Validator();
        validator.Begin(MaxImageSize);
        ImageInfo info;
        try
        {
            for (int offset = 0; offset < image.Length && !validator.IsComplete; offset += BlockSize)
                validator.Feed(image, offset, Math.Min(BlockSize, image.Length - offset));
            if (!validator.IsComplete)
                throw new PublishException(source + ": not a complete app image: the file ends at " + image.Length
                    + " bytes, inside the image (at offset " + validator.Position + " of what its header and segments describe)");
            info = validator.Finish();
        }
        catch (ImageException e)
        {
            throw new PublishException(source + ": not a valid app image (" + e.Reason + "): " + e.Message);
        }
        if (validator.ImageLength != image.Length && !SignedLayout(image, validator.ImageLength))
            throw new PublishException(source + ": " + (image.Length - validator.ImageLength) + " bytes after the image's end (at "
                + validator.ImageLength + "); modules expect the file to be exactly the image, or the image and its signature sector");

        string? version = OvmsVersionReader.Read(new BytesFlash(image), 0, image.Length, new byte[BlockSize]);
        if (string.IsNullOrWhiteSpace(version))
            version = info.AppDescription?.Version;
        if (string.IsNullOrWhiteSpace(version) || version.IndexOfAny(['\r', '\n']) >= 0)
            throw new PublishException(source + ": the image names no version (no OVMS marker and no app description version); "
                + "the .ver file needs one on its first line");
        return version;
    }

    internal static void CheckPathPart(string value, string what, string example)
    {
        if (string.IsNullOrEmpty(value) || value == "." || value == ".." || value.IndexOfAny(['/', '\\']) >= 0
            || value.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
            throw new PublishException("--" + what + " \"" + value + "\" must be one folder name, e.g. " + example);
    }

    internal static void ReplaceFile(string path, byte[] content)
    {
        string temporary = path + ".tmp";
        File.WriteAllBytes(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }
}

using System.IO.Compression;

namespace OvmsOta.Simulator.Compression;

/// <summary>The gzip copy `ovmsota publish` writes beside an image or bundle (.NET's GZipStream, smallest size: it is
/// made once and fetched by every module).</summary>
public static class Gzip
{
    public static byte[] Compress(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
            gzip.Write(data, 0, data.Length);
        return output.ToArray();
    }
}

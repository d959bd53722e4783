using System.IO.Compression;
using OvmsOta.Ports;

namespace OvmsOta.Simulator.Compression;

/// <summary>
/// The host's IInflater: .NET's GZipStream (zlib underneath), which checks the gzip trailer (CRC-32 and length) at the
/// end of the member and throws InvalidDataException on corrupt input, as the device's tinfl binding must.
/// </summary>
public sealed class GZipInflater : IInflater
{
    public Stream Open(Stream compressed) => new GZipStream(compressed, CompressionMode.Decompress, leaveOpen: true);

    /// <summary>The gzip copy `ovmsota publish` writes beside an image (smallest size: it is made once, fetched by every module).</summary>
    public static byte[] Compress(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
            gzip.Write(data, 0, data.Length);
        return output.ToArray();
    }
}

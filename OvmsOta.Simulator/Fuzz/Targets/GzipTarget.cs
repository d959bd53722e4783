using OvmsOta.Compression;
using OvmsOta.Simulation;
using OvmsOta.Simulator.Compression;

namespace OvmsOta.Simulator.Fuzz.Targets;

/// <summary>A gzip copy (ovms3.bin.gz) read through Core's GzipReader and the host's deflate decoder, in reads of varying
/// size: header fields, deflate data, trailer CRC-32 and length.</summary>
public sealed class GzipTarget : FuzzTarget
{
    public override string Name => "gzip";
    public override string Description => "gzip copy through GzipReader and the zlib decoder (header, deflate data, CRC-32, length)";
    public override Type[] AllowedErrors => [typeof(CompressionException)];
    public override int MaxInputLength => 0x8000;

    public override IReadOnlyList<byte[]> Seeds()
    {
        byte[] image = ImageSeeds.All()[0];
        byte[] text = FuzzSeeds.Text("3.3.006-1-gabcdef0 changelog changelog changelog\n");
        // FHCRC, FEXTRA, FNAME and FCOMMENT set, as gzip programs may write them.
        byte[] header = [0x1F, 0x8B, 8, 0x1E, 0, 0, 0, 0, 0, 3, 2, 0, 0xAA, 0xBB, (byte)'f', 0, (byte)'c', 0, 0x12, 0x34];
        return [Gzip.Compress(image), Gzip.Compress(text), Gzip.Compress([]), StoredDeflate.Gzip(text, 7), StoredDeflate.Gzip(header, text, 16)];
    }

    public override void Execute(byte[] input)
    {
        using var decoder = new ZlibDeflateDecoder();
        using var reader = new GzipReader(new MemoryStream(input), decoder);
        byte[] buffer = new byte[1 + input.Length % 4096];
        long total = 0;
        int n;
        while ((n = reader.Read(buffer, 0, buffer.Length)) > 0)
            total += n;
        if (reader.CompressedRead > input.Length)
            throw new FuzzPropertyException("reads within its input", "GzipReader claims " + reader.CompressedRead + " compressed bytes of " + input.Length);
    }
}

using System.IO.Compression;
using OvmsOta.Bundle;
using OvmsOta.Flash;
using OvmsOta.Simulation;
using OvmsOta.Simulator.Compression;

namespace OvmsOta.Simulator.Fuzz.Targets;

/// <summary>A bundle's ZIP stream as the module reads it (ZipStreamReader fed in pieces, stored and deflated entries
/// inflated through the zlib decoder): local headers, names, sizes, CRC-32, where each entry's deflate data ends.</summary>
public sealed class ZipTarget : FuzzTarget
{
    public override string Name => "zip";
    public override string Description => "bundle ZIP through ZipStreamReader (local headers, stored and deflated entries, CRC-32, sizes)";
    public override Type[] AllowedErrors => [typeof(BundleException)];
    public override int MaxInputLength => 0x4000;

    public override IReadOnlyList<byte[]> Seeds()
    {
        byte[] image = ImageSeeds.All()[0];
        var stored = new StoredZip();
        stored.Add("manifest.json", FuzzSeeds.Text("{\"name\":\"ovmsota\"}"));
        stored.Add("app.bin", image);
        var deflated = new StoredZip();
        deflated.Add("manifest.json", FuzzSeeds.Text("{}"));
        deflated.AddDeflated("app.bin", image, 1000);
        deflated.AddDeflated("deploy.bin", [], 10);
        return [stored.Bytes(), deflated.Bytes(), RealDeflate(image)];
    }

    public override void Execute(byte[] input)
    {
        using var decoder = new ZlibDeflateDecoder();
        var sink = new CheckingSink();
        var reader = new ZipStreamReader(sink) { Deflate = decoder };
        int piece = 1 + (int)((uint)(input.Length * 7919) % 4096);
        for (int at = 0; at < input.Length && !reader.Ended; at += piece)
            reader.Feed(input, at, Math.Min(piece, input.Length - at));
        reader.Finish();
    }

    // .NET's ZipArchive on a seekable stream: real deflate, sizes in the local headers.
    static byte[] RealDeflate(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var stream = zip.CreateEntry("app.bin", CompressionLevel.Optimal).Open();
            stream.Write(data);
        }
        return output.ToArray();
    }

    /// <summary>An entry ended by the reader holds exactly its header's size and CRC-32: what the reader promises.</summary>
    sealed class CheckingSink : IZipEntrySink
    {
        int _length;
        uint _crc;

        public void BeginEntry(ZipEntry entry)
        {
            _length = 0;
            _crc = Crc32.StandardInit;
        }

        public void Data(byte[] buffer, int offset, int count)
        {
            _length += count;
            _crc = Crc32.Update(_crc, buffer, offset, count);
        }

        public void EndEntry(ZipEntry entry)
        {
            if (_length != entry.Size || ~_crc != entry.Crc32)
                throw new FuzzPropertyException("entries end whole", "entry " + entry.Name + " ended with " + _length + " bytes, CRC " + (~_crc).ToString("X8")
                    + "; its header says " + entry.Size + ", " + entry.Crc32.ToString("X8"));
        }
    }
}

namespace OvmsOta.Simulator.Fuzz;

/// <summary>
/// Byte-level mutations in the manner of AFL/libFuzzer: bit flips, byte insert/delete/overwrite, block duplicate
/// and delete, splice with another corpus entry, and "interesting" values (0, -1, 0x7F..., 0x80..., little-endian
/// sizes) dropped at random offsets. Deterministic for a seed.
/// </summary>
public sealed class Mutator(Random random)
{
    static readonly uint[] Interesting =
    [
        0, 1, 0x7F, 0x80, 0xFF, 0x100, 0x7FFF, 0x8000, 0xFFFF, 0x10000, 0x1000, 0xC00, 0x8000,
        0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 0xFFFFFFFE, 0x1000000, 0x3F400020, 0x400D0020, 0xE9, 0x50AA, 0xEBEB, 0xABCD5432,
    ];

    static readonly string[] Tokens = ["\r\n", "\n", "\0", "\x1b[2J", " ", ",", ":", "%", "..", "//", "http://", "-1", "0x", "99999999999", "--", "=\"", ";"];

    public byte[] Mutate(byte[] input, IReadOnlyList<byte[]> corpus, int maxLength)
    {
        var data = new List<byte>(input);
        int rounds = 1 + random.Next(random.Next(2) == 0 ? 2 : 8);
        for (int i = 0; i < rounds; i++)
            MutateOnce(data, corpus);
        if (data.Count > maxLength)
            data.RemoveRange(maxLength, data.Count - maxLength);
        return data.ToArray();
    }

    void MutateOnce(List<byte> data, IReadOnlyList<byte[]> corpus)
    {
        switch (random.Next(10))
        {
            case 0 when data.Count > 0: // flip one bit
                int bit = random.Next(data.Count * 8);
                data[bit / 8] ^= (byte)(1 << (bit % 8));
                break;
            case 1: // insert random bytes
                int at = random.Next(data.Count + 1);
                int n = 1 + random.Next(random.Next(2) == 0 ? 4 : 64);
                var bytes = new byte[n];
                random.NextBytes(bytes);
                data.InsertRange(at, bytes);
                break;
            case 2 when data.Count > 0: // delete a run
                int from = random.Next(data.Count);
                data.RemoveRange(from, Math.Min(data.Count - from, 1 + random.Next(random.Next(2) == 0 ? 4 : 256)));
                break;
            case 3 when data.Count > 0: // overwrite one byte
                data[random.Next(data.Count)] = (byte)random.Next(256);
                break;
            case 4 when data.Count > 0: // an interesting value, 1, 2 or 4 bytes little-endian
                uint value = Interesting[random.Next(Interesting.Length)];
                int width = new[] { 1, 2, 4 }[random.Next(3)];
                int pos = Aligned(data.Count, width);
                for (int b = 0; b < width && pos + b < data.Count; b++)
                    data[pos + b] = (byte)(value >> (8 * b));
                break;
            case 5 when corpus.Count > 0: // splice: our head, another entry's tail
                byte[] other = corpus[random.Next(corpus.Count)];
                int cut = random.Next(data.Count + 1);
                int otherCut = random.Next(other.Length + 1);
                data.RemoveRange(cut, data.Count - cut);
                data.AddRange(other.Skip(otherCut));
                break;
            case 6 when data.Count > 1: // duplicate a block somewhere else
                int start = random.Next(data.Count);
                int length = Math.Min(data.Count - start, 1 + random.Next(64));
                var block = data.GetRange(start, length);
                data.InsertRange(random.Next(data.Count + 1), block);
                break;
            case 7: // a token of the text formats
                byte[] token = System.Text.Encoding.UTF8.GetBytes(Tokens[random.Next(Tokens.Length)]);
                data.InsertRange(random.Next(data.Count + 1), token);
                break;
            case 8 when data.Count > 0: // truncate
                int keep = random.Next(data.Count);
                data.RemoveRange(keep, data.Count - keep);
                break;
            default: // a printable or control character
                data.Insert(random.Next(data.Count + 1), (byte)(random.Next(4) == 0 ? random.Next(32) : 32 + random.Next(95)));
                break;
        }
    }

    int Aligned(int count, int width)
    {
        int pos = random.Next(count);
        return random.Next(2) == 0 ? pos - pos % width : pos;
    }
}

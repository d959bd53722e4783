using System.Diagnostics;

namespace OvmsOta.Simulator.Benchmarks;

/// <summary>
/// Copies 4 KB flash-sector-sized blocks with Array.Copy and with a per-byte loop. The ratio is why Core
/// moves data with block operations: on the device the loop body is interpreted IL, so the gap is far wider
/// than the host's JIT shows.
/// </summary>
public sealed class BlockCopyBenchmark : IBenchmark
{
    private const int BlockSize = 4096;
    private const int TotalBytes = 64 * 1024 * 1024;
    private const int Rounds = 5;

    public string Name => "block-copy";

    public string Description => "4 KB blocks: Array.Copy vs a per-byte loop (MB/s and ratio)";

    public void Run(TextWriter output)
    {
        var source = new byte[BlockSize];
        var target = new byte[BlockSize];
        new Random(4096).NextBytes(source);

        double arrayCopy = Best(() => CopyWithArrayCopy(source, target));
        double loop = Best(() => CopyPerByte(source, target));

        output.WriteLine($"{Name}: {TotalBytes / (1024 * 1024)} MB in {BlockSize}-byte blocks, best of {Rounds}");
        output.WriteLine($"  Array.Copy     {arrayCopy,10:F0} MB/s");
        output.WriteLine($"  per-byte loop  {loop,10:F0} MB/s");
        output.WriteLine($"  ratio          {arrayCopy / loop,10:F1} x");
    }

    private static void CopyWithArrayCopy(byte[] source, byte[] target)
    {
        for (int done = 0; done < TotalBytes; done += BlockSize)
            Array.Copy(source, 0, target, 0, BlockSize);
    }

    private static void CopyPerByte(byte[] source, byte[] target)
    {
        for (int done = 0; done < TotalBytes; done += BlockSize)
        {
            for (int i = 0; i < BlockSize; i++)
                target[i] = source[i];
        }
    }

    /// <summary>Throughput in MB/s of the fastest of several runs (after one warm-up run).</summary>
    private static double Best(Action copy)
    {
        copy();
        double bestSeconds = double.MaxValue;
        for (int round = 0; round < Rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            copy();
            bestSeconds = Math.Min(bestSeconds, clock.Elapsed.TotalSeconds);
        }
        return TotalBytes / (1024.0 * 1024.0) / bestSeconds;
    }
}

using System.Diagnostics;
using OvmsOta.Image;
using OvmsOta.OtaData;
using OvmsOta.Simulation;
using OvmsOta.Simulator.Flash;

namespace OvmsOta.Simulator.Benchmarks;

/// <summary>
/// The whole update pipeline (stream in, validate, erase ahead, write, read back, verify, switch otadata) against a
/// raw copy of the same bytes into the same slot of the same flash file with the same chunk size: the cost of
/// validating and verifying on top of moving the bytes, as one ratio measured in one run.
/// </summary>
public sealed class UpdateThroughputBenchmark : IBenchmark
{
    private const int ImageSize = 4 * UpdateBench.OneMegabyte;
    private const int Rounds = 5;

    public string Name => "update-throughput";

    public string Description => "update pipeline vs raw copy into the same 16 MB flash file (MB/s and ratio)";

    public void Run(TextWriter output)
    {
        string path = Path.Combine(Path.GetTempPath(), $"ovmsota-bench-{Environment.ProcessId}.bin");
        try
        {
            using var store = FileSectorStore.Create(path);
            var flash = new SimulatedFlash(store, 1);
            var table = UpdateBench.Table();
            byte[] image = UpdateBench.Image(ImageSize);
            using var source = new MemoryStream(image, false);
            var buffer = new byte[UpdateBench.Chunk];
            int slot = table.Find("ota_1")!.Offset;
            new OvmsOta.OtaData.BootSlots(flash, table).OtaData!.SetBootSlot(0, table.OtaSlotCount, OvmsOta.OtaData.OtaState.Undefined);

            // Interleaved rounds, best of each: the machine's load hits all three alike.
            var runs = new Action[]
            {
                () => UpdateBench.RawCopy(flash, slot, source, buffer),
                () => UpdateBench.Update(flash, table, source, image.Length),
                () => HashTwice(image),
            };
            double[] best = BestInterleaved(runs);
            double raw = best[0], update = best[1], hashing = best[2];

            double megabytes = image.Length / (double)UpdateBench.OneMegabyte;
            output.WriteLine($"{Name}: {UpdateBench.Size(image.Length)} image, {UpdateBench.Chunk}-byte chunks, SimulatedFlash over a 16 MB file, best of {Rounds}");
            output.WriteLine($"  raw copy (erase ahead, write)              {megabytes / raw,7:F1} MB/s {raw * 1000,7:F0} ms");
            output.WriteLine($"  update (validate, write, read back, switch) {megabytes / update,6:F1} MB/s {update * 1000,7:F0} ms");
            output.WriteLine($"  ratio update / raw copy time               {update / raw,7:F2} x");
            output.WriteLine($"  of which managed SHA-256, 2 passes         {hashing * 1000,7:F0} ms (the device does these natively)");
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The per-byte work the pipeline adds: the image hashed while streaming and again in the read-back.</summary>
    private static void HashTwice(byte[] image)
    {
        var sha = new OvmsOta.Image.ManagedSha256();
        var digest = new byte[32];
        for (int pass = 0; pass < 2; pass++)
        {
            sha.Reset();
            for (int offset = 0; offset < image.Length; offset += UpdateBench.Chunk)
                sha.Update(image, offset, Math.Min(UpdateBench.Chunk, image.Length - offset));
            sha.Final(digest, 0);
        }
    }

    /// <summary>Seconds of the fastest of several runs of each, after one warm-up run of each.</summary>
    private static double[] BestInterleaved(Action[] runs)
    {
        foreach (var run in runs)
            run();
        var best = new double[runs.Length];
        Array.Fill(best, double.MaxValue);
        for (int round = 0; round < Rounds; round++)
            for (int i = 0; i < runs.Length; i++)
            {
                var clock = Stopwatch.StartNew();
                runs[i]();
                best[i] = Math.Min(best[i], clock.Elapsed.TotalSeconds);
            }
        return best;
    }
}

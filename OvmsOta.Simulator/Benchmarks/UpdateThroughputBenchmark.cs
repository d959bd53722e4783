using System.Diagnostics;
using OvmsOta.Image;
using OvmsOta.Ports;
using OvmsOta.Simulation;
using OvmsOta.Simulator.Flash;
using OvmsOta.Simulator.Hashing;

namespace OvmsOta.Simulator.Benchmarks;

/// <summary>
/// The whole update pipeline (stream in, validate, erase ahead, write, read back, verify, switch otadata) against a
/// raw copy of the same bytes into the same slot of the same flash file with the same chunk size: the cost of
/// validating and verifying on top of moving the bytes, as one ratio measured in one run, and where the extra time goes.
/// The pipeline hashes with the host's digests (.NET SHA-256), as the device hashes natively.
/// </summary>
public sealed class UpdateThroughputBenchmark : IBenchmark
{
    private const int ImageSize = 4 * UpdateBench.OneMegabyte;
    private const int RatioRounds = 30;
    private const int PartRounds = 5;
    /// <summary>Untimed rounds first, so the JIT has tiered the hot paths up (it waits about 100 ms, longer on a loaded machine).</summary>
    private const int WarmUpRounds = 3;

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

            // Interleaved rounds: the machine's load hits all alike. The ratio's two runs get many rounds, because on a
            // shared machine the best of a few is still noise; the parts (best of each) need fewer.
            var rounds = TimeInterleaved(new Action[]
            {
                () => UpdateBench.RawCopy(flash, slot, source, buffer),
                () => UpdateBench.Update(flash, table, source, image.Length),
            }, RatioRounds);
            // Each round's update against the raw copy run just before it: a load spike hits a pair, not one side.
            double pairedRatio = Median(rounds.Select(r => r[1] / r[0]).ToArray());
            double[] best = { rounds.Min(r => r[0]), rounds.Min(r => r[1]) };
            double[] parts = BestInterleaved(new Action[]
            {
                () => ReadSlot(flash, slot, image.Length, buffer),
                () => DigestTwice(image, new HostSha256(), new HostChecksumFold()),
                () => DigestTwice(image, new ManagedSha256(), new ManagedChecksumFold()),
            }, PartRounds);
            double raw = best[0], update = best[1], readBack = parts[0], hostDigests = parts[1], managedDigests = parts[2];

            double megabytes = image.Length / (double)UpdateBench.OneMegabyte;
            output.WriteLine($"{Name}: {UpdateBench.Size(image.Length)} image, {UpdateBench.Chunk}-byte chunks, SimulatedFlash over a 16 MB file, {RatioRounds} rounds");
            output.WriteLine($"  raw copy (erase ahead, write)              {megabytes / raw,7:F1} MB/s {raw * 1000,7:F1} ms");
            output.WriteLine($"  update (validate, write, read back, switch) {megabytes / update,6:F1} MB/s {update * 1000,7:F1} ms");
            output.WriteLine($"  ratio update / raw copy, median of rounds  {pairedRatio,7:F2} x  (target at most 1.5 x)");
            output.WriteLine($"  ratio of the best times                    {update / raw,7:F2} x");
            output.WriteLine("  where the update's extra time goes (measured alone):");
            output.WriteLine($"    reading the slot back once                          {readBack * 1000,7:F1} ms");
            output.WriteLine($"    SHA-256 + checksum, 2 passes, host digests (bound)  {hostDigests * 1000,7:F1} ms");
            output.WriteLine($"    the same with the portable ManagedSha256 and fold   {managedDigests * 1000,7:F1} ms (nanoCLR's; the device hashes natively)");
            output.WriteLine($"    the rest (validator, updater, switch; and noise)    {(update - raw - readBack - hostDigests) * 1000,7:F1} ms");
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The read-back's flash work alone: the slot read once through the working buffer.</summary>
    private static void ReadSlot(IFlash flash, int slot, int length, byte[] buffer)
    {
        for (int offset = 0; offset < length; offset += buffer.Length)
            flash.Read(slot + offset, buffer, 0, Math.Min(buffer.Length, length - offset));
    }

    /// <summary>The per-byte work the pipeline adds: the image hashed and folded while streaming and again in the read-back.</summary>
    private static void DigestTwice(byte[] image, ISha256 sha, IChecksumFold fold)
    {
        var digest = new byte[32];
        byte checksum = 0;
        for (int pass = 0; pass < 2; pass++)
        {
            sha.Reset();
            for (int offset = 0; offset < image.Length; offset += UpdateBench.Chunk)
            {
                int count = Math.Min(UpdateBench.Chunk, image.Length - offset);
                sha.Update(image, offset, count);
                checksum = fold.Fold(checksum, image, offset, count);
            }
            sha.Final(digest, 0);
        }
    }

    /// <summary>Seconds of the fastest of several runs of each, after a few warm-up runs of each.</summary>
    private static double[] BestInterleaved(Action[] runs, int rounds)
    {
        var times = TimeInterleaved(runs, rounds);
        return Enumerable.Range(0, runs.Length).Select(i => times.Min(t => t[i])).ToArray();
    }

    /// <summary>Seconds of each run in each round (runs interleaved), after a few untimed rounds.</summary>
    private static double[][] TimeInterleaved(Action[] runs, int rounds)
    {
        for (int round = 0; round < WarmUpRounds; round++)
            foreach (var run in runs)
                run();
        var times = new double[rounds][];
        for (int round = 0; round < rounds; round++)
        {
            times[round] = new double[runs.Length];
            for (int i = 0; i < runs.Length; i++)
            {
                var clock = Stopwatch.StartNew();
                runs[i]();
                times[round][i] = clock.Elapsed.TotalSeconds;
            }
        }
        return times;
    }

    private static double Median(double[] values)
    {
        Array.Sort(values);
        int middle = values.Length / 2;
        return values.Length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}

namespace OvmsOta.Simulator.Benchmarks;

/// <summary>Every benchmark `ovmsota bench` knows. Later issues add theirs here, one line each.</summary>
public static class BenchmarkRegistry
{
    public static IReadOnlyList<IBenchmark> All { get; } = new IBenchmark[]
    {
        new BlockCopyBenchmark(),
        new UpdateThroughputBenchmark(),
        new UpdateAllocationBenchmark(),
        new UpdateFlashOpsBenchmark(),
        new DeviceTimeBenchmark(),
        new CellularBenchmark(),
        new SignatureVerifyBenchmark(),
    };

    public static IBenchmark? Find(string name) =>
        All.FirstOrDefault(b => string.Equals(b.Name, name, StringComparison.OrdinalIgnoreCase));
}

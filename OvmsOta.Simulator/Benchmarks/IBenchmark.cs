namespace OvmsOta.Simulator.Benchmarks;

/// <summary>One measurement `ovmsota bench` can run. It prints its own figures; nothing asserts on them.</summary>
public interface IBenchmark
{
    /// <summary>Short name used on the command line, e.g. "block-copy".</summary>
    string Name { get; }

    /// <summary>One line: what is measured and why it matters.</summary>
    string Description { get; }

    void Run(TextWriter output);
}

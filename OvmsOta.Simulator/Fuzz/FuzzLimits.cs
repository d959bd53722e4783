namespace OvmsOta.Simulator.Fuzz;

/// <summary>Per-input bounds: an input that needs more is a finding (a parser's cost must not grow with hostile input).</summary>
public sealed class FuzzLimits
{
    /// <summary>Longest one input may take (wall clock, on a shared machine: generous).</summary>
    public TimeSpan TimePerInput { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Most bytes one input may allocate on the running thread.</summary>
    public long AllocationPerInput { get; init; } = 64L * 1024 * 1024;

    /// <summary>An input still running after this is reported as a hang (it may never return).</summary>
    public TimeSpan HangAfter { get; init; } = TimeSpan.FromSeconds(30);
}

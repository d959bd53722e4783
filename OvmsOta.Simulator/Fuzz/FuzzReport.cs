namespace OvmsOta.Simulator.Fuzz;

/// <summary>What one target's run did: inputs executed, time, and the findings (distinct problems, minimized).</summary>
public sealed class FuzzReport(string target, long executions, TimeSpan elapsed, IReadOnlyList<FuzzFinding> findings, int rejected)
{
    public string Target { get; } = target;
    public long Executions { get; } = executions;
    public TimeSpan Elapsed { get; } = elapsed;
    public IReadOnlyList<FuzzFinding> Findings { get; } = findings;

    /// <summary>Inputs the parser answered with its own typed error.</summary>
    public int Rejected { get; } = rejected;

    public double ExecutionsPerSecond => Elapsed.TotalSeconds > 0 ? Executions / Elapsed.TotalSeconds : Executions;

    public string Summary => string.Format(System.Globalization.CultureInfo.InvariantCulture,
        "{0,-16} {1,9} execs  {2,8:0} execs/s  {3,5:0.0}% rejected  {4} finding(s)",
        Target, Executions, ExecutionsPerSecond, Executions == 0 ? 0 : 100.0 * Rejected / Executions, Findings.Count);
}

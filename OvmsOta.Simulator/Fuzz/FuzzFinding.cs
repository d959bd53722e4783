namespace OvmsOta.Simulator.Fuzz;

/// <summary>One input that broke a property: the parser threw a type it does not promise, a rejection changed flash,
/// or one input took too long or allocated too much.</summary>
public sealed class FuzzFinding(string target, byte[] input, string problem)
{
    public string Target { get; } = target;
    public byte[] Input { get; } = input;
    /// <summary>What broke, e.g. "IndexOutOfRangeException: ... at PartitionTable.FromBinary".</summary>
    public string Problem { get; } = problem;

    public string Hex => Convert.ToHexString(Input).ToLowerInvariant();

    public override string ToString() => Target + ": " + Problem + "\n  input (" + Input.Length + " bytes, hex): " + Hex;
}

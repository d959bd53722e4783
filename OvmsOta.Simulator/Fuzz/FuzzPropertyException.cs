namespace OvmsOta.Simulator.Fuzz;

/// <summary>A target's own property broke for an input (e.g. a rejected input changed flash); always a finding.
/// property names which one (findings are kept once per property), message says how.</summary>
public sealed class FuzzPropertyException(string property, string message) : Exception(property + ": " + message)
{
    public string Property { get; } = property;
}

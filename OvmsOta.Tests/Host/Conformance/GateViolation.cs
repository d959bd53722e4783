namespace OvmsOta.Tests.Host.Conformance
{
    /// <summary>One reason the device could not run an assembly: which member of ours uses which API, and why that fails.</summary>
    public sealed record GateViolation(string User, string Api, string Reason)
    {
        public override string ToString() => User + " uses " + Api + ": " + Reason;
    }
}

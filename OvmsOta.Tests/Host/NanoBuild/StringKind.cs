namespace OvmsOta.Tests.Host.NanoBuild
{
    /// <summary>Where a string comes from: metadata names, or text the code carries (ldstr, attribute arguments).</summary>
    public enum StringKind
    {
        Name,
        Literal,
    }
}

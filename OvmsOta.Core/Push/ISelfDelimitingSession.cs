namespace OvmsOta.Push
{
    /// <summary>
    /// A push session whose upload says where it ends by itself (a firmware bundle: a ZIP ends at its central
    /// directory), so the file part may come before other fields without ?size=: the size the endpoint estimated (the
    /// rest of the body) is then only an upper bound. Mongoose OS's `curl -F file=@fw.zip -F commit_timeout=60` sends it so.
    /// </summary>
    public interface ISelfDelimitingSession
    {
        /// <summary>True once the first bytes showed a self-delimiting upload.</summary>
        bool SelfDelimiting { get; }
    }
}

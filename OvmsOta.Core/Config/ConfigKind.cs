namespace OvmsOta.Config
{
    /// <summary>How a parameter's value is checked, stored and shown.</summary>
    public enum ConfigKind
    {
        /// <summary>Stored as yes/no; reads true for yes, 1 and true (OVMS's strtobool).</summary>
        Bool,
        /// <summary>A whole number within the parameter's Min..Max.</summary>
        Int,
        /// <summary>Update server base URL: host and path, optional http:// or https://.</summary>
        Server,
        /// <summary>Build channel: main, eap, edge or a custom tag of safe characters.</summary>
        Tag,
        /// <summary>Free text without control characters (paths, URLs recorded by the engine).</summary>
        Text,
        /// <summary>A shared secret: checked like a password, never shown in clear.</summary>
        Secret,
        /// <summary>Public-key digests (64 hex digits each, comma-separated), as Signing/KeyList reads them.</summary>
        KeyList,
    }
}

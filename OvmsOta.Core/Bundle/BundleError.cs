namespace OvmsOta.Bundle
{
    /// <summary>Why a bundle was refused; one value per cause, so tests and callers can tell them apart.</summary>
    public static class BundleError
    {
        public const int NotAZip = 1;
        public const int Truncated = 2;
        public const int Compressed = 3;
        public const int BadEntry = 4;
        public const int ManifestMissing = 5;
        public const int ManifestNotFirst = 6;
        public const int BadManifest = 7;
        public const int WrongHash = 8;
        public const int MissingPart = 9;
        public const int PartTooLarge = 10;
        public const int NativeMismatch = 11;
        public const int UnexpectedEntry = 12;
        public const int BadDeployment = 13;
        public const int WrongLayout = 14;
        public const int WrongSize = 15;
        public const int NotAnnounced = 16;
        public const int ManifestSignature = 17;
        public const int VersionLower = 18;

        private static readonly string[] Names = new string[]
        {
            "none", "not a ZIP", "truncated", "compressed entry", "bad entry", "manifest missing", "manifest not first",
            "bad manifest", "wrong hash", "missing part", "part too large", "native checksum mismatch", "unexpected entry",
            "bad deployment", "wrong layout", "wrong size", "not the announced version", "manifest signature", "version lower",
        };

        /// <summary>A short name for logs and tables (Enum.ToString prints a number on nanoFramework).</summary>
        public static string Name(int error)
        {
            return error >= 0 && error < Names.Length ? Names[error] : "error " + error.ToString();
        }
    }
}

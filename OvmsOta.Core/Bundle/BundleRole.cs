namespace OvmsOta.Bundle
{
    /// <summary>The parts of a bundle by role, with the names the manifest and messages use.</summary>
    public static class BundleRole
    {
        public const int App = 0;
        public const int Deploy = 1;
        public const int Files = 2;
        public const int Count = 3;

        private static readonly string[] Names = new string[] { "app", "deploy", "files" };

        public static string Name(int role)
        {
            return Names[role];
        }

        /// <summary>The manifest's part for role, or null when the manifest has none.</summary>
        public static BundlePart Of(BundleManifest manifest, int role)
        {
            if (role == App)
                return manifest.Parts.App;
            return role == Deploy ? manifest.Parts.Deploy : manifest.Parts.Files;
        }
    }
}

using OvmsOta.Image;
using OvmsOta.Ports;

namespace OvmsOta.Engine
{
    /// <summary>
    /// The digests an engine falls back to when its platform binds none, and the warning that says so. Every update
    /// hashes and folds the image twice (while streaming and in the read-back); interpreted on an ESP32 the portable
    /// SHA-256 costs minutes per image where the native one costs well under a second. The engine still updates (a
    /// module that cannot update cannot get the firmware that fixes the binding), but it says so at start and at every
    /// update. Binding ManagedSha256 explicitly (tests, nanoCLR on a PC) is a choice and stays quiet.
    /// </summary>
    public static class PortableDigests
    {
        /// <summary>
        /// Per MB of image, both passes, on an ESP32, scaled from nanoCLR on a PC (issue 19): a whole update with the
        /// portable digests took 2,137 ms per MB there (the fold alone 2 x 57 ms) against 85 ms per 10^6 iterations of
        /// a plain loop, i.e. about 25 x 10^6 (fold: 1.3 x 10^6) iterations per MB; an ESP32 runs 10^5 to 10^6 a second.
        /// </summary>
        public const string Sha256Cost = "25 to 250 s per MB of image";
        public const string FoldCost = "1.3 to 13 s per MB of image";

        /// <summary>What the engine validates images with: the platform's digests, else the portable ones.</summary>
        public static ImageValidator Validator(OtaPlatform platform)
        {
            return new ImageValidator(platform.Sha256 != null ? platform.Sha256 : new ManagedSha256(),
                platform.ChecksumFold != null ? platform.ChecksumFold : new ManagedChecksumFold());
        }

        /// <summary>The warning for a platform without native digests, or null when both are bound.</summary>
        public static string Warning(OtaPlatform platform)
        {
            if (platform.Sha256 != null && platform.ChecksumFold != null)
                return null;
            string missing = platform.Sha256 == null
                ? (platform.ChecksumFold == null ? "OtaPlatform.Sha256 and OtaPlatform.ChecksumFold are" : "OtaPlatform.Sha256 is")
                : "OtaPlatform.ChecksumFold is";
            string cost = platform.Sha256 == null ? Sha256Cost : FoldCost;
            return "No native image digests: " + missing + " not bound, so updates hash with the portable C# code, which on "
                + "an ESP32 costs about " + cost + " (native: under 1 s); bind NativeSha256 and NativeChecksumFold";
        }
    }
}

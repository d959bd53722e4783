namespace OvmsOta.Bundle
{
    /// <summary>
    /// Where <see cref="BundleReader"/> puts a bundle: told the checked manifest before any part arrives (so it can
    /// refuse the bundle before anything is written), then each part's bytes in archive order.
    /// </summary>
    public interface IBundleTarget
    {
        /// <summary>The manifest, checked for form; refuse here (BundleException) what this module cannot install.</summary>
        void Manifest(BundleManifest manifest);

        void BeginPart(int role, BundlePart part);

        void PartData(int role, byte[] buffer, int offset, int count);

        /// <summary>Every byte of the part came and its SHA-256 matched the manifest.</summary>
        void EndPart(int role);
    }
}

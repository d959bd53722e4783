namespace OvmsOta.Bundle
{
    /// <summary>
    /// A check of what a bundle is, run on its manifest before anything is written (the automatic update's gate refuses
    /// a bundle that is not the version the update server announced). Throws <see cref="BundleException"/> to refuse.
    /// </summary>
    public interface IManifestGate
    {
        void Check(BundleManifest manifest);
    }
}

using OvmsOta.Bundle;
using OvmsOta.Image;
using OvmsOta.UpdateServer;

namespace OvmsOta.Engine
{
    /// <summary>
    /// The gate of a manual flash: an image whose app-description version is older than the running one (OVMS's
    /// comparison) is refused from its first 0x120 bytes, before anything is erased, and the refusal says how to force
    /// it; the update's own gate (may be null) decides first. A forced flash goes without this gate. A bundle is judged
    /// the same way by its manifest's version, before anything is written.
    /// </summary>
    public sealed class NotOlder : IImageGate, IManifestGate
    {
        private readonly string _running;
        private readonly string _forceHint;
        private readonly IImageGate _next;

        /// <summary>running: the running version; forceHint: the command that installs it anyway.</summary>
        public NotOlder(string running, string forceHint, IImageGate next)
        {
            _running = running;
            _forceHint = forceHint;
            _next = next;
        }

        public void Check(ImageHeader header, AppDescription description)
        {
            // The update's own gate first: "not the announced version" says more than "older".
            if (_next != null)
                _next.Check(header, description);
            string older = Older(description.Version);
            if (older != null)
                throw new ImageException(ImageError.VersionLower, ImageFormat.AppDescriptionOffset + AppDescription.VersionOffset, older);
        }

        public void Check(BundleManifest manifest)
        {
            IManifestGate next = _next as IManifestGate;
            if (next != null)
                next.Check(manifest);
            string older = Older(manifest.Version);
            if (older != null)
                throw new BundleException(BundleError.VersionLower, older);
        }

        // The refusal for a version older than the running one, or null.
        private string Older(string found)
        {
            if (found == null || found.Length == 0 || VersionComparer.Compare(found, _running) >= 0)
                return null;
            bool dirty;
            return "Version " + found + " is older than the running " + VersionComparer.Canonicalise(_running, out dirty)
                + "; to install it anyway: " + _forceHint;
        }
    }
}

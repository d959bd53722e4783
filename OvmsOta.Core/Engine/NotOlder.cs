using OvmsOta.Image;
using OvmsOta.UpdateServer;

namespace OvmsOta.Engine
{
    /// <summary>
    /// The gate of a manual flash: an image whose app-description version is older than the running one (OVMS's
    /// comparison) is refused from its first 0x120 bytes, before anything is erased, and the refusal says how to force
    /// it; the update's own gate (may be null) decides first. A forced flash goes without this gate.
    /// </summary>
    public sealed class NotOlder : IImageGate
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
            bool dirty;
            string found = description.Version;
            if (found.Length > 0 && VersionComparer.Compare(found, _running) < 0)
                throw new ImageException(ImageError.VersionLower, ImageFormat.AppDescriptionOffset + AppDescription.VersionOffset,
                    "Version " + found + " is older than the running " + VersionComparer.Canonicalise(_running, out dirty)
                    + "; to install it anyway: " + _forceHint);
        }
    }
}

using OvmsOta.Image;

namespace OvmsOta.Signing
{
    /// <summary>
    /// Anti-rollback from the first 0x120 bytes: an app description whose secure_version (ESP-IDF's field) is below the
    /// module's minimum is refused before anything is erased; then the update's own gate (may be null) decides.
    /// </summary>
    public sealed class SecureVersionGate : IImageGate
    {
        private readonly uint _minimum;
        private readonly IImageGate _next;

        public SecureVersionGate(uint minimum, IImageGate next)
        {
            _minimum = minimum;
            _next = next;
        }

        public void Check(ImageHeader header, AppDescription description)
        {
            if (description.SecureVersion < _minimum)
                throw ImageException.Mismatch(ImageError.SecureVersionLower, ImageFormat.AppDescriptionOffset + AppDescription.SecureVersionOffset,
                    "Anti-rollback: secure_version", "at least " + _minimum.ToString() + " (ota signing.min_secure_version, raised by the last committed image)",
                    description.SecureVersion.ToString());
            if (_next != null)
                _next.Check(header, description);
        }
    }
}

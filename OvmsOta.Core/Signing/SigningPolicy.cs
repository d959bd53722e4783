namespace OvmsOta.Signing
{
    /// <summary>
    /// What the module demands of a new image, as config says (`ota signing.keys`, `ota signing.revoked`,
    /// `ota signing.required`, `ota signing.min_secure_version`). No keys and not required: signatures are not looked
    /// at (OVMS's behaviour). Keys set: a signed image must verify with a trusted key; an unsigned one passes only
    /// when required is off. Required without keys refuses every image.
    /// </summary>
    public sealed class SigningPolicy
    {
        public SigningPolicy(KeyList trusted, KeyList revoked, bool required, uint minSecureVersion)
        {
            Trusted = trusted != null ? trusted : KeyList.Empty;
            Revoked = revoked != null ? revoked : KeyList.Empty;
            Required = required;
            MinSecureVersion = minSecureVersion;
        }

        /// <summary>No signing, secure_version 0: what a module without these settings does.</summary>
        public static readonly SigningPolicy Off = new SigningPolicy(KeyList.Empty, KeyList.Empty, false, 0);

        public KeyList Trusted { get; }
        public KeyList Revoked { get; }
        public bool Required { get; }

        /// <summary>The lowest app-description secure_version this module installs (raised when an image is committed).</summary>
        public uint MinSecureVersion { get; }

        /// <summary>Signatures are checked at all.</summary>
        public bool ChecksSignatures { get { return Required || Trusted.Count > 0; } }
    }
}

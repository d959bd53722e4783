namespace OvmsOta.Signing
{
    /// <summary>
    /// Why a signature check refused an image: a stable name (enum-like class, as the device prints enums as numbers)
    /// and the owner's words. Compare with ==; each reason is one shared instance.
    /// </summary>
    public sealed class SigningRefusal
    {
        public static readonly SigningRefusal Unsigned = new SigningRefusal("unsigned", "the image is not signed");
        public static readonly SigningRefusal TruncatedBlock = new SigningRefusal("truncated-block", "the signature sector is incomplete");
        public static readonly SigningRefusal UnsupportedBlock = new SigningRefusal("unsupported-block", "signature block 0 is not an RSA-3072 (version 2) block");
        public static readonly SigningRefusal BadCrc = new SigningRefusal("bad-crc", "signature block 0 is corrupt (CRC mismatch)");
        public static readonly SigningRefusal DigestMismatch = new SigningRefusal("digest-mismatch", "signature block 0 signs another image");
        public static readonly SigningRefusal UnknownKey = new SigningRefusal("unknown-key", "the image is signed with a key this module does not trust");
        public static readonly SigningRefusal RevokedKey = new SigningRefusal("revoked-key", "the image is signed with a revoked key");
        public static readonly SigningRefusal BadSignature = new SigningRefusal("bad-signature", "the signature does not verify");

        private SigningRefusal(string name, string text)
        {
            Name = name;
            Text = text;
        }

        /// <summary>Stable identifier, e.g. "unknown-key".</summary>
        public string Name { get; }

        /// <summary>What happened, in an owner's words.</summary>
        public string Text { get; }

        public override string ToString()
        {
            return Name;
        }
    }
}

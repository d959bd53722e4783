namespace OvmsOta.Signing
{
    /// <summary>
    /// ESP-IDF Secure Boot V2 (RSA-3072-PSS) signature layout (../shared/reference/vectors/signing/README.md): the image
    /// part padded with 0xFF to a multiple of 4096, then a 4096-byte sector of 1 to 3 blocks of 1216 bytes, each
    /// little-endian: magic, version, image digest, key (n, e, R² mod n, m′), signature, CRC-32 of bytes 0-1195.
    /// </summary>
    public static class SignatureFormat
    {
        public const int SectorSize = 4096;
        public const int BlockSize = 1216;
        public const int MaxBlocks = 3;
        public const byte Magic = 0xE7;
        /// <summary>RSA-3072-PSS; 0x03 is the ECDSA variant, which the ESP32 does not use.</summary>
        public const byte VersionRsa = 0x02;
        public const int DigestSize = 32;
        public const int RsaBytes = 384;

        public const int MagicOffset = 0;
        public const int VersionOffset = 1;
        public const int ImageDigestOffset = 4;
        public const int ModulusOffset = 36;
        public const int ExponentOffset = 420;
        public const int MontgomeryROffset = 424;
        public const int MontgomeryMOffset = 808;
        public const int SignatureOffset = 812;
        public const int CrcOffset = 1196;
        public const int PaddingOffset = 1200;
        public const int PaddingSize = 16;

        /// <summary>The key fields hashed into the eFuse digest: block bytes 36 to 811 (n, e, R² mod n, m′).</summary>
        public const int KeyOffset = ModulusOffset;
        public const int KeyLength = SignatureOffset - ModulusOffset;

        /// <summary>Where the signature sector of an image of imageLength bytes starts: the next multiple of 4096.</summary>
        public static int SectorOffset(int imageLength)
        {
            return (imageLength + SectorSize - 1) / SectorSize * SectorSize;
        }
    }
}

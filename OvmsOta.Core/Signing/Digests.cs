namespace OvmsOta.Signing
{
    /// <summary>32-byte digests: comparison and the 64-hex-digit text config and tools use (byte 0 first, as espsecure prints).</summary>
    public static class Digests
    {
        public static bool Equal(byte[] a, int aOffset, byte[] b, int bOffset)
        {
            for (int i = 0; i < SignatureFormat.DigestSize; i++)
                if (a[aOffset + i] != b[bOffset + i])
                    return false;
            return true;
        }

        /// <summary>The digest written as 64 hex digits (either case), or null when text is anything else.</summary>
        public static byte[] Parse(string text)
        {
            if (text == null || text.Length != 2 * SignatureFormat.DigestSize)
                return null;
            byte[] digest = new byte[SignatureFormat.DigestSize];
            for (int i = 0; i < digest.Length; i++)
            {
                int high = Nibble(text[2 * i]);
                int low = Nibble(text[2 * i + 1]);
                if (high < 0 || low < 0)
                    return null;
                digest[i] = (byte)(high * 16 + low);
            }
            return digest;
        }

        private static int Nibble(char c)
        {
            if (c >= '0' && c <= '9')
                return c - '0';
            if (c >= 'a' && c <= 'f')
                return c - 'a' + 10;
            if (c >= 'A' && c <= 'F')
                return c - 'A' + 10;
            return -1;
        }
    }
}

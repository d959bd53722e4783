namespace OvmsOta.Image
{
    /// <summary>Hex texts for messages ("0xE9") and digests ("6918edcb...").</summary>
    public static class Hex
    {
        public static string Format(uint value)
        {
            return "0x" + value.ToString("X");
        }

        public static string Format(int value)
        {
            return "0x" + ((uint)value).ToString("X");
        }

        /// <summary>Lower-case hex of count bytes, as esptool and sha256sum print digests.</summary>
        public static string Digest(byte[] bytes, int offset, int count)
        {
            char[] text = new char[count * 2];
            for (int i = 0; i < count; i++)
            {
                int b = bytes[offset + i];
                text[2 * i] = Digits[b >> 4];
                text[2 * i + 1] = Digits[b & 0xF];
            }
            return new string(text);
        }

        static readonly char[] Digits = "0123456789abcdef".ToCharArray();
    }
}

namespace OvmsOta.Ports
{
    /// <summary>
    /// Text from outside (a .ver file, a changelog, an image's version or project name, a server's message) made safe
    /// to print on a terminal, a TCP client or a log: every control character except line feed and tab (C0, DEL and
    /// the C1 range, which 8-bit terminals also obey) is written as \xNN, so an update server cannot clear a
    /// terminal, ring it, retitle it or rewrite a line with ESC, BEL, NUL or CR. Printable text passes unchanged.
    /// </summary>
    public static class VisibleText
    {
        private const string HexDigits = "0123456789abcdef";

        /// <summary>text with its control characters made visible; null stays null.</summary>
        public static string Of(string text)
        {
            if (text == null)
                return null;
            int hidden = 0;
            for (int i = 0; i < text.Length; i++)
            {
                if (IsHidden(text[i]))
                    hidden++;
            }
            if (hidden == 0)
                return text;
            char[] visible = new char[text.Length + 3 * hidden];
            int at = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (!IsHidden(c))
                {
                    visible[at++] = c;
                    continue;
                }
                visible[at++] = '\\';
                visible[at++] = 'x';
                visible[at++] = HexDigits[(c >> 4) & 0xF];
                visible[at++] = HexDigits[c & 0xF];
            }
            return new string(visible);
        }

        private static bool IsHidden(char c)
        {
            if (c == '\n' || c == '\t')
                return false;
            return c < ' ' || (c >= (char)0x7F && c <= (char)0x9F);
        }
    }
}

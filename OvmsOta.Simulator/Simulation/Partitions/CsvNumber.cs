using OvmsOta.Partitions;

namespace OvmsOta.Simulation
{
    /// <summary>
    /// gen_esp32part's parse_int: Python int(x, 0) (decimal, 0x, 0o, 0b, '_' between digits) with a k/K (x1024) or
    /// m/M (x1048576) suffix, else a keyword of the column. Values must fit 31 bits (any real table does).
    /// </summary>
    internal static class CsvNumber
    {
        private const long Limit = 0x7FFFFFFF;

        /// <summary>keywords may be null; keywordType is the partition type for subtype keywords, -1 for the type column.</summary>
        public static long Parse(string text, string[] keywords, int keywordType)
        {
            string lower = text.ToLower();
            if (lower.EndsWith("k"))
                return Scaled(Parse(text.Substring(0, text.Length - 1), keywords, keywordType), 1024, text);
            if (lower.EndsWith("m"))
                return Scaled(Parse(text.Substring(0, text.Length - 1), keywords, keywordType), 1024 * 1024, text);
            long value;
            if (TryPythonInt(text.Trim(), out value))
                return value;
            if (keywords == null || keywords.Length == 0)
                throw new PartitionTableException("Invalid field value " + text);
            int keyword = keywordType < 0 ? PartitionTypes.TypeValue(lower) : PartitionTypes.SubtypeValue(keywordType, lower);
            if (keyword >= 0)
                return keyword;
            throw new PartitionTableException("Value '" + text + "' is not valid. Known keywords: " + string.Concat(Joined(keywords)));
        }

        private static long Scaled(long value, long factor, string text)
        {
            long scaled = value * factor;
            if (scaled > Limit || scaled < -Limit)
                throw new PartitionTableException("Invalid field value " + text);
            return scaled;
        }

        private static string[] Joined(string[] keywords)
        {
            var parts = new string[keywords.Length * 2 - 1];
            for (int i = 0; i < keywords.Length; i++)
            {
                parts[i * 2] = keywords[i];
                if (i > 0)
                    parts[i * 2 - 1] = ", ";
            }
            return parts;
        }

        private static bool TryPythonInt(string s, out long value)
        {
            value = 0;
            int i = 0;
            bool negative = false;
            if (i < s.Length && (s[i] == '+' || s[i] == '-'))
            {
                negative = s[i] == '-';
                i++;
            }
            int radix = 10;
            if (i + 1 < s.Length && s[i] == '0')
            {
                char p = s[i + 1];
                radix = p == 'x' || p == 'X' ? 16 : p == 'o' || p == 'O' ? 8 : p == 'b' || p == 'B' ? 2 : 10;
                if (radix != 10)
                {
                    i += 2;
                    if (i < s.Length && s[i] == '_')
                        i++; // Python allows one '_' right after the prefix
                }
            }
            int start = i;
            bool lastUnderscore = true;
            bool onlyZeros = true;
            for (; i < s.Length; i++)
            {
                char c = s[i];
                if (c == '_')
                {
                    if (lastUnderscore)
                        return false;
                    lastUnderscore = true;
                    continue;
                }
                int digit = DigitValue(c);
                if (digit < 0 || digit >= radix)
                    return false;
                onlyZeros &= digit == 0;
                value = value * radix + digit;
                if (value > Limit)
                    return false;
                lastUnderscore = false;
            }
            if (i == start || lastUnderscore)
                return false;
            if (radix == 10 && s[start] == '0' && !onlyZeros)
                return false; // "010" is not a Python int
            if (negative)
                value = -value;
            return true;
        }

        private static int DigitValue(char c)
        {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            return -1;
        }
    }
}

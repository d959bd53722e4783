namespace OvmsOta.UpdateServer
{
    /// <summary>
    /// OVMS's firmware version comparison ("Server Available ... (is newer)", nightly update): both
    /// versions are canonicalised, compared with GNU strverscmp, and an otherwise equal pair where
    /// exactly one side is a "-dirty" build counts as newer.
    /// </summary>
    public static class VersionComparer
    {
        const string DirtyMarker = "-dirty";

        // strverscmp's states, each the row offset of its table row: normal, integral part,
        // fractional part (after leading zeros), leading zeros only.
        const int Normal = 0;
        const int Integral = 3;
        const int Fractional = 6;
        const int Zeros = 9;

        // Results that are not a fixed sign: compare the characters, or compare digit-run lengths first.
        const int ByChar = 2;
        const int ByLength = 3;

        // Next state, indexed by state + class of the new character (0 other, 1 digit 1-9, 2 '0').
        static readonly int[] NextState = new int[]
        {
            Normal, Integral, Zeros,
            Normal, Integral, Integral,
            Normal, Fractional, Fractional,
            Normal, Fractional, Zeros,
        };

        // How to decide at the first difference, indexed by (state + class of a) * 3 + class of b.
        static readonly int[] Decision = new int[]
        {
            //        x/x     x/d     x/0     d/x     d/d       d/0       0/x     0/d       0/0
            /* N */ ByChar, ByChar, ByChar, ByChar, ByLength, ByChar,   ByChar, ByChar,   ByChar,
            /* I */ ByChar, -1,     -1,     +1,     ByLength, ByLength, +1,     ByLength, ByLength,
            /* F */ ByChar, ByChar, ByChar, ByChar, ByChar,   ByChar,   ByChar, ByChar,   ByChar,
            /* Z */ ByChar, +1,     +1,     -1,     ByChar,   ByChar,   -1,     ByChar,   ByChar,
        };

        /// <summary>
        /// GNU strverscmp (glibc's algorithm, which OVMS bundles): digit runs compare as numbers, runs
        /// with leading zeros as fractions ("000" &lt; "00" &lt; "01" &lt; "010" &lt; "09" &lt; "0" &lt; "1"),
        /// and a prefix sorts first. Returns &lt;0, 0 or &gt;0 with the values glibc returns.
        /// </summary>
        public static int StrVersCmp(string a, string b)
        {
            if (a == null) a = string.Empty;
            if (b == null) b = string.Empty;
            int i = 0;
            int ca = CharAt(a, 0);
            int cb = CharAt(b, 0);
            int state = Normal + ClassOf(ca);
            int diff;
            while ((diff = ca - cb) == 0)
            {
                if (ca == 0)
                    return 0;
                state = NextState[state];
                i++;
                ca = CharAt(a, i);
                cb = CharAt(b, i);
                state += ClassOf(ca);
            }

            int decision = Decision[state * 3 + ClassOf(cb)];
            if (decision == ByChar)
                return diff;
            if (decision != ByLength)
                return decision;

            // Same-length digit runs are decided by the first differing digit; a longer run is larger.
            int j = i;
            while (IsDigit(CharAt(a, j)))
            {
                if (!IsDigit(CharAt(b, j)))
                    return 1;
                j++;
            }
            return IsDigit(CharAt(b, j)) ? -1 : diff;
        }

        /// <summary>
        /// OVMS's canonical form: cut at "-dirty" (and report dirty), otherwise cut at the first '/',
        /// which drops "/ota_1/edge (build ...)" from a running version string.
        /// </summary>
        public static string Canonicalise(string version, out bool dirty)
        {
            dirty = false;
            if (version == null)
                return string.Empty;
            int cut = version.IndexOf(DirtyMarker);
            if (cut >= 0)
            {
                dirty = true;
                return version.Substring(0, cut);
            }
            cut = version.IndexOf('/');
            return cut >= 0 ? version.Substring(0, cut) : version;
        }

        /// <summary>
        /// Compares as OVMS does for updates: &gt;0 means the server version is newer than the running one.
        /// Equal canonical versions where exactly one side is dirty give +1 (update to or from a dirty build).
        /// </summary>
        public static int Compare(string serverVersion, string runningVersion)
        {
            bool serverDirty;
            bool runningDirty;
            string server = Canonicalise(serverVersion, out serverDirty);
            string running = Canonicalise(runningVersion, out runningDirty);
            int result = StrVersCmp(server, running);
            if (result == 0 && serverDirty != runningDirty)
                return 1;
            return result;
        }

        /// <summary>True when the server offers a newer version; an empty server version never is.</summary>
        public static bool IsNewer(string serverVersion, string runningVersion)
        {
            if (serverVersion == null || serverVersion.Length == 0)
                return false;
            return Compare(serverVersion, runningVersion) > 0;
        }

        // C strings end in NUL: reading past the end gives 0, which is what the algorithm expects.
        static int CharAt(string s, int index)
        {
            return index < s.Length ? s[index] : 0;
        }

        static bool IsDigit(int c)
        {
            return c >= '0' && c <= '9';
        }

        static int ClassOf(int c)
        {
            if (c == '0')
                return 2;
            return IsDigit(c) ? 1 : 0;
        }
    }
}

namespace OvmsOta.UpdateServer
{
    /// <summary>
    /// An update server's ovms3.ver: line 1 is the version (git describe form), everything after it a
    /// free-form changelog. Parsed as the module parses it: the text must contain a line end.
    /// </summary>
    public sealed class VersionFile
    {
        static readonly char[] LineEnds = new char[] { '\r', '\n' };

        VersionFile(string version, string changelog)
        {
            Version = version;
            Changelog = changelog;
        }

        /// <summary>The server version; empty when line 1 is empty (never newer than anything).</summary>
        public string Version { get; private set; }

        /// <summary>Everything after line 1, unchanged; empty when there is none.</summary>
        public string Changelog { get; private set; }

        /// <summary>Splits .ver text; source names it in the error (e.g. the URL).</summary>
        public static VersionFile Parse(string text, string source)
        {
            int end = text == null ? -1 : text.IndexOfAny(LineEnds);
            if (end < 0)
            {
                int length = text == null ? 0 : text.Length;
                throw new DownloadException(DownloadError.BadVersionFile,
                    "Version file " + source + " has no line end (" + length.ToString()
                    + " characters): expected the version on its first line");
            }

            // One line end ends line 1: CR LF, LF or a lone CR.
            int rest = end + 1;
            if (text[end] == '\r' && rest < text.Length && text[rest] == '\n')
                rest++;
            return new VersionFile(text.Substring(0, end), text.Substring(rest));
        }
    }
}

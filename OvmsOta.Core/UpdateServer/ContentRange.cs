namespace OvmsOta.UpdateServer
{
    /// <summary>
    /// A 206's Content-Range, "bytes first-last/complete" (RFC 9110 §14.4; complete may be "*" = unknown). Only what a
    /// resumed download needs: where the part starts, where it ends and how long the whole resource is.
    /// </summary>
    public sealed class ContentRange
    {
        const string Unit = "bytes ";

        ContentRange(int first, int last, int complete)
        {
            First = first;
            Last = last;
            Complete = complete;
        }

        public int First { get; private set; }
        public int Last { get; private set; }

        /// <summary>The whole resource's length, -1 when the server sent "*".</summary>
        public int Complete { get; private set; }

        /// <summary>The parsed header; throws <see cref="DownloadException"/> (BadRange) naming the header when it is not one.</summary>
        public static ContentRange Parse(string header, string url)
        {
            string text = header == null ? string.Empty : header.Trim();
            int dash = text.IndexOf('-');
            int slash = text.IndexOf('/');
            if (!text.StartsWith(Unit) || dash < 0 || slash < dash)
                throw Bad(header, url);
            int first = Number(text.Substring(Unit.Length, dash - Unit.Length), header, url);
            int last = Number(text.Substring(dash + 1, slash - dash - 1), header, url);
            string tail = text.Substring(slash + 1);
            int complete = tail == "*" ? -1 : Number(tail, header, url);
            if (last < first || (complete >= 0 && last >= complete))
                throw Bad(header, url);
            return new ContentRange(first, last, complete);
        }

        // Digits only, at most 9 (a flash image is far below 10^9 bytes, and int cannot overflow).
        static int Number(string digits, string header, string url)
        {
            if (digits.Length == 0 || digits.Length > 9)
                throw Bad(header, url);
            int value = 0;
            for (int i = 0; i < digits.Length; i++)
            {
                char c = digits[i];
                if (c < '0' || c > '9')
                    throw Bad(header, url);
                value = value * 10 + (c - '0');
            }
            return value;
        }

        static DownloadException Bad(string header, string url)
        {
            return new DownloadException(DownloadError.BadRange, "The update server answered a range request for " + url
                + " with Content-Range \"" + (header == null ? "(none)" : header) + "\": expected \"bytes first-last/length\"");
        }
    }
}

namespace OvmsOta.UpdateServer
{
    /// <summary>
    /// Absolute URLs for the transport: scheme-less means http:// (as OVMS, whose client has no TLS), and
    /// a redirect's Location is resolved against the URL it came from. No dot-segment clean-up.
    /// </summary>
    public static class UrlResolver
    {
        const string Http = "http://";
        const string Https = "https://";

        /// <summary>The URL with a scheme: http:// and https:// are kept, none becomes http://.</summary>
        public static string Absolute(string url)
        {
            if (url == null || url.Length == 0)
                throw new DownloadException(DownloadError.BadUrl, "No URL given: expected <server>/<path> or http(s)://<server>/<path>");
            if (StartsWithIgnoringCase(url, Http) || StartsWithIgnoringCase(url, Https))
                return url;
            int colon = url.IndexOf("://");
            if (colon >= 0)
                throw new DownloadException(DownloadError.BadUrl, "Unsupported URL scheme \"" + url.Substring(0, colon)
                    + "\" in " + url + ": expected http:// or https://");
            return Http + url;
        }

        /// <summary>Resolves a Location header (absolute, "//host/...", "/path" or "name") against baseUrl.</summary>
        public static string Resolve(string baseUrl, string location)
        {
            if (StartsWithIgnoringCase(location, Http) || StartsWithIgnoringCase(location, Https))
                return location;
            int schemeEnd = baseUrl.IndexOf("://") + 3;
            if (location.StartsWith("//"))
                return baseUrl.Substring(0, schemeEnd - 2) + location;
            int pathStart = baseUrl.IndexOf('/', schemeEnd);
            string origin = pathStart < 0 ? baseUrl : baseUrl.Substring(0, pathStart);
            if (location.StartsWith("/"))
                return origin + location;
            if (pathStart < 0)
                return origin + "/" + location;

            // Relative to the base's directory, without its query.
            string path = baseUrl.Substring(pathStart);
            int query = path.IndexOf('?');
            if (query >= 0)
                path = path.Substring(0, query);
            return origin + path.Substring(0, path.LastIndexOf('/') + 1) + location;
        }

        /// <summary>
        /// The scheme of a URL reference (RFC 3986: a letter, then letters, digits, '+', '-' or '.', then ':' before any
        /// '/', '?' or '#'), or null when it has none (a relative reference). "file:", "data:" and "ftp://" have one.
        /// </summary>
        public static string Scheme(string reference)
        {
            if (reference == null || reference.Length == 0 || !IsLetter(reference[0]))
                return null;
            for (int i = 1; i < reference.Length; i++)
            {
                char c = reference[i];
                if (c == ':')
                    return reference.Substring(0, i);
                if (!IsLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.')
                    return null;
            }
            return null;
        }

        /// <summary>True for "http" and "https" in any case.</summary>
        public static bool IsHttp(string scheme)
        {
            string lower = scheme.ToLower();
            return lower == "http" || lower == "https";
        }

        static bool IsLetter(char c)
        {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }

        static bool StartsWithIgnoringCase(string text, string prefix)
        {
            return text.Length >= prefix.Length && text.Substring(0, prefix.Length).ToLower() == prefix;
        }
    }
}

namespace OvmsOta.UpdateServer
{
    /// <summary>The error for a final status other than 200, worded for an owner.</summary>
    static class HttpStatusError
    {
        public static DownloadException For(int status, string url)
        {
            string code = status.ToString();
            if (status == 404)
                return new DownloadException(DownloadError.HttpStatus, url + " not found on the update server (HTTP 404):"
                    + " check ota server, ota tag and the product directory");
            if (status >= 500 && status <= 599)
                return new DownloadException(DownloadError.HttpStatus, "Update server error " + code + Name(status)
                    + " for " + url + ": try again later");
            return new DownloadException(DownloadError.HttpStatus, "Unexpected HTTP status " + code + Name(status)
                + " from " + url + ": expected 200");
        }

        // Names for the statuses an update server is likely to send; others are shown by number only.
        static string Name(int status)
        {
            switch (status)
            {
                case 204: return " (No Content)";
                case 304: return " (Not Modified)";
                case 400: return " (Bad Request)";
                case 401: return " (Unauthorized)";
                case 403: return " (Forbidden)";
                case 405: return " (Method Not Allowed)";
                case 408: return " (Request Timeout)";
                case 410: return " (Gone)";
                case 429: return " (Too Many Requests)";
                case 500: return " (Internal Server Error)";
                case 501: return " (Not Implemented)";
                case 502: return " (Bad Gateway)";
                case 503: return " (Service Unavailable)";
                case 504: return " (Gateway Timeout)";
                default: return string.Empty;
            }
        }
    }
}

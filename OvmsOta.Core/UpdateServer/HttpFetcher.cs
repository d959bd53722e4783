using System;
using System.Text;
using OvmsOta.Ports;

namespace OvmsOta.UpdateServer
{
    /// <summary>
    /// Requests to the update server over any IHttpTransport, stricter than OVMS: follows a bounded number
    /// of redirects (to http:// and https:// only), requires status 200 for the image too, and turns 404, 5xx, a
    /// stall, a timeout and a body shorter than Content-Length each into a DownloadException that names the case.
    /// A body longer than Content-Length gets its own message too, but only from a transport that hands on bytes
    /// past it: the device's and the host's transports end the body at Content-Length, as HTTP/1.1 frames it.
    /// </summary>
    public sealed class HttpFetcher
    {
        /// <summary>OVMS refuses images whose Content-Length is below this (catches empty bodies and error pages).</summary>
        public const int MinimumImageLength = 1024;

        /// <summary>A .ver file larger than this is refused.</summary>
        public const int MaximumVersionFileLength = 16384;

        public const int DefaultMaximumRedirects = 5;

        /// <summary>OVMS's client waits 10 s for each read.</summary>
        public const int DefaultStallTimeoutMilliseconds = 10000;

        public const int DefaultOverallTimeoutMilliseconds = 15 * 60 * 1000;

        readonly IHttpTransport _transport;
        readonly IMonotonicClock _clock;

        public HttpFetcher(IHttpTransport transport, IMonotonicClock clock, string userAgent)
        {
            if (transport == null)
                throw new ArgumentNullException("transport");
            if (clock == null)
                throw new ArgumentNullException("clock");
            _transport = transport;
            _clock = clock;
            UserAgent = userAgent;
            MaximumRedirects = DefaultMaximumRedirects;
            StallTimeoutMilliseconds = DefaultStallTimeoutMilliseconds;
            OverallTimeoutMilliseconds = DefaultOverallTimeoutMilliseconds;
        }

        public string UserAgent { get; set; }

        /// <summary>The clock reads are timed with (a retry's backoff waits on it too).</summary>
        public IMonotonicClock Clock { get { return _clock; } }
        public int MaximumRedirects { get; set; }

        /// <summary>Longest wait for headers or for the next body bytes.</summary>
        public int StallTimeoutMilliseconds { get; set; }

        /// <summary>Longest time for reading a whole body.</summary>
        public int OverallTimeoutMilliseconds { get; set; }

        /// <summary>
        /// GETs url (http://, https:// or scheme-less = http://), following redirects, and returns the
        /// status-200 response with its body unread, and the URL it finally came from. Dispose it.
        /// </summary>
        public IHttpResponse Open(string url, out string finalUrl)
        {
            return Open(url, -1, -1, out finalUrl);
        }

        /// <summary>
        /// As <see cref="Open(string, out string)"/>, asking for bytes first to last (last -1: to the end) when the
        /// transport can (<see cref="IRangeHttpTransport"/>): the response is a 206 with that part or a 200 with the
        /// whole body (a server or transport that ignores Range). The caller checks which (<see cref="ContentRange"/>).
        /// </summary>
        public IHttpResponse OpenRange(string url, int first, int last, out string finalUrl)
        {
            return Open(url, first, last, out finalUrl);
        }

        IHttpResponse Open(string url, int first, int last, out string finalUrl)
        {
            string current = UrlResolver.Absolute(url);
            int redirects = 0;
            while (true)
            {
                IHttpResponse response = Send(current, first, last);
                int status = response.StatusCode;
                if (status == 200 || (status == 206 && first >= 0))
                {
                    finalUrl = current;
                    return response;
                }

                string location = response.Location;
                response.Dispose();
                if (!IsRedirect(status))
                    throw HttpStatusError.For(status, current);
                if (location == null || location.Length == 0)
                    throw new DownloadException(DownloadError.BadRedirect, "Redirect (HTTP " + status.ToString()
                        + ") from " + current + " has no Location header");
                if (redirects == MaximumRedirects)
                    throw new DownloadException(DownloadError.BadRedirect, "Too many redirects: more than "
                        + MaximumRedirects.ToString() + " starting at " + UrlResolver.Absolute(url) + ", the last to " + location);
                string scheme = UrlResolver.Scheme(location);
                if (scheme != null && !UrlResolver.IsHttp(scheme))
                    throw new DownloadException(DownloadError.BadRedirect, "Redirect (HTTP " + status.ToString() + ") from "
                        + current + " to " + location + " refused: scheme \"" + scheme + "\" is not followed, only http:// and https://");
                redirects++;
                current = UrlResolver.Absolute(UrlResolver.Resolve(current, location));
            }
        }

        /// <summary>
        /// Downloads an image into sink through the caller's buffer and returns its length. Needs a
        /// Content-Length of at least MinimumImageLength; the sink gets exactly that many bytes then
        /// Complete, or Fail on any error (and the error is thrown).
        /// </summary>
        public int Download(string url, byte[] buffer, IDownloadSink sink)
        {
            if (buffer == null || buffer.Length == 0)
                throw new ArgumentException("Download needs a buffer of at least one byte");
            string finalUrl;
            IHttpResponse response = Open(url, out finalUrl);
            try
            {
                int expected = response.ContentLength;
                if (expected < MinimumImageLength)
                    throw new DownloadException(DownloadError.InvalidLength, "Expected download file size ("
                        + (expected < 0 ? 0 : expected).ToString() + ") is invalid");
                sink.Begin(expected);
                try
                {
                    ReadImage(response, finalUrl, buffer, expected, sink);
                }
                catch (Exception e)
                {
                    FailQuietly(sink, e.Message);
                    throw;
                }
                sink.Complete();
                return expected;
            }
            finally
            {
                response.Dispose();
            }
        }

        /// <summary>Fetches and parses an ovms3.ver (status 200, at most MaximumVersionFileLength bytes).</summary>
        public VersionFile FetchVersionFile(string url)
        {
            string finalUrl;
            string text = FetchText(url, MaximumVersionFileLength, out finalUrl);
            return VersionFile.Parse(text, finalUrl);
        }

        /// <summary>Fetches a small UTF-8 text of at most maximumLength bytes (status 200 required).</summary>
        public string FetchText(string url, int maximumLength, out string finalUrl)
        {
            IHttpResponse response = Open(url, out finalUrl);
            try
            {
                int expected = response.ContentLength;
                if (expected > maximumLength)
                    throw TooLarge(finalUrl, maximumLength, expected);
                // One byte more than allowed, so an unannounced oversize body is seen.
                byte[] buffer = new byte[(expected >= 0 ? expected : maximumLength) + 1];
                BodyReader reader = Reader(response, finalUrl);
                int received = 0;
                while (received < buffer.Length)
                {
                    if (expected >= 0 && received == expected)
                        break;
                    int n = reader.Read(buffer, received, buffer.Length - received, received, expected);
                    if (n == 0)
                        break;
                    received += n;
                }
                if (expected < 0 && received > maximumLength)
                    throw TooLarge(finalUrl, maximumLength, -1);
                if (expected >= 0)
                {
                    CheckLength(received, expected, reader);
                    if (reader.ReadSurplus(buffer, expected) > 0)
                        throw Surplus(expected);
                }
                return new string(Encoding.UTF8.GetChars(buffer, 0, received));
            }
            finally
            {
                response.Dispose();
            }
        }

        void ReadImage(IHttpResponse response, string url, byte[] buffer, int expected, IDownloadSink sink)
        {
            BodyReader reader = Reader(response, url);
            int received = 0;
            while (received < expected)
            {
                int want = expected - received;
                if (want > buffer.Length)
                    want = buffer.Length;
                int n = reader.Read(buffer, 0, want, received, expected);
                if (n == 0)
                    break;
                sink.Write(buffer, 0, n);
                received += n;
            }
            CheckLength(received, expected, reader);
            if (reader.ReadSurplus(buffer, 0) > 0)
                throw Surplus(expected);
        }

        IHttpResponse Send(string url, int first, int last)
        {
            try
            {
                IRangeHttpTransport ranges = _transport as IRangeHttpTransport;
                if (first >= 0 && ranges != null)
                    return ranges.GetRange(url, UserAgent, StallTimeoutMilliseconds, first, last);
                return _transport.Get(url, UserAgent, StallTimeoutMilliseconds);
            }
            catch (DownloadException)
            {
                throw;
            }
            catch (Exception e)
            {
                throw new DownloadException(DownloadError.RequestFailed, "Request failed: " + url + ": " + e.Message, e);
            }
        }

        internal BodyReader Reader(IHttpResponse response, string url)
        {
            return new BodyReader(response, _clock, url, StallTimeoutMilliseconds, OverallTimeoutMilliseconds);
        }

        static void CheckLength(int received, int expected, BodyReader reader)
        {
            if (received == expected)
                return;
            string message = "Download file size (" + received.ToString() + ") does not match expected ("
                + expected.ToString() + ")";
            if (reader.Failure != null)
                throw new DownloadException(DownloadError.Truncated, message, reader.Failure);
            throw new DownloadException(DownloadError.Truncated, message);
        }

        static DownloadException Surplus(int expected)
        {
            return new DownloadException(DownloadError.Surplus, "Download file size (more than " + expected.ToString()
                + ") does not match expected (" + expected.ToString() + "): the server sent more than its Content-Length");
        }

        static DownloadException TooLarge(string url, int maximumLength, int announced)
        {
            string size = announced >= 0 ? announced.ToString() + " bytes" : "more";
            return new DownloadException(DownloadError.TooLarge, url + " is too large (" + size + "): at most "
                + maximumLength.ToString() + " bytes expected");
        }

        static bool IsRedirect(int status)
        {
            return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
        }

        // The sink's own failure must not hide the download error that caused it.
        static void FailQuietly(IDownloadSink sink, string reason)
        {
            try
            {
                sink.Fail(reason);
            }
            catch (Exception)
            {
            }
        }
    }
}

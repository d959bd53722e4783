using System;
using System.IO;
using OvmsOta.Compression;
using OvmsOta.Ports;

namespace OvmsOta.UpdateServer
{
    /// <summary>
    /// An image download that respects a metered link (issue 18):
    /// <list type="bullet">
    /// <item>Version first: the first request asks for bytes 0-0x11F only (header and app description, all the
    /// image gate needs), and the sink sees them before anything is erased; a server that ignores Range answers 200
    /// and that body simply goes on (the sink still sees its first bytes first).</item>
    /// <item>Resume: a dropped, stalled or timed-out body is asked again from the byte the sink holds
    /// ("Range: bytes=N-"), after a backoff (doubling from <see cref="FirstBackoffMilliseconds"/>, at most
    /// <see cref="MaximumRetries"/> times in a row without progress); the sink may also hold bytes from an earlier attempt (after a power cut) and
    /// says so from <see cref="IResumableSink.Open"/>. A 200 instead of 206, or a 206 for another length or ETag /
    /// Last-Modified, voids what was received and starts again at byte 0, version check first.</item>
    /// <item>Compressed: with a deflate decoder, url + ".gz" (gzip of the same image) is fetched when the server has it
    /// (404: the plain file, as OVMS's servers have none). A drop in the compressed stream cannot go on at a compressed
    /// offset without the decoder's state, so the next attempt takes the cheaper of: the plain file's rest by Range,
    /// or the whole .gz again with its output skipped up to the bytes already held.</item>
    /// </list>
    /// Memory: the caller's buffer, a 0x120-byte head, the gzip reader's input buffer and the decoder's fixed window;
    /// nothing grows with the image.
    /// </summary>
    public sealed class ResumableDownload
    {
        /// <summary>The image's header and app description (0x20 + 0x100 bytes): what the image gate checks.</summary>
        public const int ProbeLength = 0x120;

        /// <summary>The compressed copy beside an image: the same name + ".gz" (gzip, RFC 1952).</summary>
        public const string CompressedSuffix = ".gz";

        public const int DefaultMaximumRetries = 5;
        public const int DefaultFirstBackoffMilliseconds = 2000;
        public const int MaximumBackoffMilliseconds = 60000;

        readonly HttpFetcher _fetcher;
        readonly IDeflateDecoder _deflate;
        readonly byte[] _head = new byte[ProbeLength];

        // State of one Download call.
        IResumableSink _sink;
        ImageIdentity _identity;
        bool _open;
        int _held;
        int _compressedLength;
        bool _noCompressed;
        bool _afterFailure;
        int _headLength;

        /// <summary>deflate: null = never fetch the compressed copy.</summary>
        public ResumableDownload(HttpFetcher fetcher, IDeflateDecoder deflate)
        {
            if (fetcher == null)
                throw new ArgumentNullException("fetcher");
            _fetcher = fetcher;
            _deflate = deflate;
            MaximumRetries = DefaultMaximumRetries;
            FirstBackoffMilliseconds = DefaultFirstBackoffMilliseconds;
            UseCompressed = deflate != null;
        }

        public HttpFetcher Fetcher { get { return _fetcher; } }

        /// <summary>Failed requests retried in a row without a byte of progress between them (drops, stalls, timeouts, refused connections).</summary>
        public int MaximumRetries { get; set; }

        /// <summary>The wait before the first retry; each further one in a row waits twice as long, at most 60 s.</summary>
        public int FirstBackoffMilliseconds { get; set; }

        /// <summary>Fetch url + ".gz" when the server has it (needs a deflate decoder).</summary>
        public bool UseCompressed { get; set; }

        /// <summary>Body bytes received over the network by the last download, every request counted.</summary>
        public int BytesReceived { get; private set; }

        /// <summary>Requests the last download sent (probe, parts, compressed copy, retries).</summary>
        public int Requests { get; private set; }

        /// <summary>Times the last download went on from a byte above 0 (after a failure, or from the sink's bytes).</summary>
        public int Resumes { get; private set; }

        /// <summary>Times the last download started again at byte 0 (Range ignored, image changed).</summary>
        public int Restarts { get; private set; }

        /// <summary>True when bytes of the last download came from the compressed copy.</summary>
        public bool UsedCompressed { get; private set; }

        /// <summary>
        /// Downloads url into sink through buffer and returns the image's length. The sink ends with Complete, or Fail
        /// and the error is thrown (a <see cref="DownloadException"/>, or whatever the sink threw, untouched: a refusal
        /// of the image is not retried).
        /// </summary>
        public int Download(string url, byte[] buffer, IResumableSink sink)
        {
            if (buffer == null || buffer.Length == 0)
                throw new ArgumentException("Download needs a buffer of at least one byte");
            _sink = sink;
            _identity = null;
            _open = false;
            _held = 0;
            _compressedLength = -1;
            _noCompressed = _deflate == null || !UseCompressed;
            _afterFailure = false;
            _headLength = 0;
            BytesReceived = 0;
            Requests = 0;
            Resumes = 0;
            Restarts = 0;
            UsedCompressed = false;
            int failures = 0;
            int heldAtFailure = -1;
            while (true)
            {
                try
                {
                    if (!_open)
                        Start(url, buffer);
                    if (_held < _identity.Length && !Continue(url, buffer))
                    {
                        if (Restarts > MaximumRetries)
                            throw new DownloadException(DownloadError.RetriesExhausted, "The image at " + url + " changed "
                                + Restarts.ToString() + " times during the download; try again later");
                        continue;
                    }
                    sink.Complete();
                    return _identity.Length;
                }
                catch (DownloadException e)
                {
                    // The cap counts failures in a row: a link that drops now and then but delivers in between goes on.
                    if (_held > heldAtFailure && heldAtFailure >= 0)
                        failures = 0;
                    heldAtFailure = _held;
                    if (!Retryable(e) || failures == MaximumRetries)
                    {
                        if (e.Error == DownloadError.BadCompression)
                            RestartQuietly(e.Message);
                        FailQuietly(e.Message);
                        if (Retryable(e) && failures > 0)
                            throw new DownloadException(e.Error, e.Message + " (gave up after " + failures.ToString() + " retries)", e);
                        throw;
                    }
                    _fetcher.Clock.Pause(Backoff(failures));
                    failures++;
                    _afterFailure = true;
                }
                catch (Exception e)
                {
                    if (_open)
                        FailQuietly(e.Message);
                    throw;
                }
            }
        }

        /// <summary>The version-first request: bytes 0-0x11F, then the sink's Open (and the head, before any erase).</summary>
        void Start(string url, byte[] buffer)
        {
            string finalUrl;
            IHttpResponse response = Counted(_fetcher.OpenRange(url, 0, ProbeLength - 1, out finalUrl));
            try
            {
                if (response.StatusCode != 206)
                {
                    // Range ignored: this is the whole image; its first bytes still reach the sink before the rest.
                    OpenWhole(url, response);
                    Pump(response, finalUrl, buffer, _identity.Length);
                    return;
                }
                ContentRange range = ContentRange.Parse(Header(response, 0), finalUrl);
                if (range.First != 0 || range.Complete < 0)
                    throw new DownloadException(DownloadError.BadRange, "The update server answered the request for the first "
                        + ProbeLength.ToString() + " bytes of " + finalUrl + " with bytes " + range.First.ToString() + "-"
                        + range.Last.ToString() + " of " + (range.Complete < 0 ? "an unknown length" : range.Complete.ToString()));
                ImageIdentity identity = new ImageIdentity(url, range.Complete, Header(response, 1), Header(response, 2));
                CheckLength(identity.Length);
                int headLength = identity.Length < ProbeLength ? identity.Length : ProbeLength;
                ReadHead(response, finalUrl, headLength);
                _headLength = headLength;
                _identity = identity;
                _held = _sink.Open(identity, _head, headLength);
                _open = true;
                if (_held > 0)
                {
                    Resumes++;
                    return;
                }
                _sink.Write(_head, 0, headLength);
                _held = headLength;
            }
            finally
            {
                response.Dispose();
            }
        }

        /// <summary>
        /// Everything after the bytes the sink holds: the compressed copy when worth it, else the plain rest by Range.
        /// False: the image changed, what was received is void and the version-first request comes next.
        /// </summary>
        bool Continue(string url, byte[] buffer)
        {
            if (CompressedIsCheaper(url) && TryCompressed(url, buffer))
                return true;
            string finalUrl;
            int from = _held;
            IHttpResponse response = Counted(_fetcher.OpenRange(url, from, -1, out finalUrl));
            try
            {
                if (response.StatusCode != 206)
                {
                    Void("the update server ignored the range request (HTTP 200): starting again at byte 0");
                    OpenWhole(url, response);
                    Pump(response, finalUrl, buffer, _identity.Length);
                    return true;
                }
                ContentRange range = ContentRange.Parse(Header(response, 0), finalUrl);
                if (!_identity.SameVersionOf(range.Complete, Header(response, 1), Header(response, 2)))
                {
                    // Another image behind the same URL: nothing received belongs to it; check its version first again.
                    Void("the image at " + url + " changed (now " + range.Complete.ToString() + " bytes): starting again at byte 0");
                    return false;
                }
                if (range.First != from)
                    throw new DownloadException(DownloadError.BadRange, "Asked " + finalUrl + " for bytes from " + from.ToString()
                        + ", got bytes " + range.First.ToString() + "-" + range.Last.ToString());
                if (from > 0 && _afterFailure)
                    Resumes++;
                _afterFailure = false;
                Pump(response, finalUrl, buffer, _identity.Length);
                return true;
            }
            finally
            {
                response.Dispose();
            }
        }

        /// <summary>The .gz copy from its start, its output skipped up to the bytes held. False: the server has none.</summary>
        bool TryCompressed(string url, byte[] buffer)
        {
            string finalUrl;
            IHttpResponse response;
            try
            {
                response = Counted(_fetcher.OpenRange(url + CompressedSuffix, -1, -1, out finalUrl));
            }
            catch (DownloadException e)
            {
                if (e.Error != DownloadError.HttpStatus)
                    throw;
                _noCompressed = true;
                return false;
            }
            try
            {
                _compressedLength = response.ContentLength;
                BodyStream body = new BodyStream(_fetcher.Reader(response, finalUrl), _compressedLength);
                UsedCompressed = true;
                int before = BytesReceived;
                bool same;
                try
                {
                    same = Inflate(body, finalUrl, buffer);
                }
                finally
                {
                    BytesReceived = before + body.Received;
                }
                if (!same)
                {
                    // A copy left from another build (or one published mid-way): the plain file is the image.
                    _noCompressed = true;
                    return false;
                }
                if (_compressedLength >= 0 && body.Received < _compressedLength)
                    throw new DownloadException(DownloadError.BadCompression, finalUrl + " inflated to the image's "
                        + _identity.Length.ToString() + " bytes before its end (" + body.Received.ToString() + " of "
                        + _compressedLength.ToString() + " compressed bytes): it is not the gzip of " + url);
                return true;
            }
            finally
            {
                response.Dispose();
            }
        }

        /// <summary>Inflates into the sink from the bytes held on; false when its first bytes are not the image's head.</summary>
        bool Inflate(BodyStream body, string url, byte[] buffer)
        {
            Stream inflated = new GzipReader(body, _deflate);
            int position = 0;
            try
            {
                // On past the image's last byte until the gzip member ends: the gzip trailer (CRC-32, length) is checked there.
                while (true)
                {
                    int n = ReadInflated(inflated, buffer, url, body);
                    if (n == 0)
                        break;
                    if (n > _identity.Length - position)
                        throw new DownloadException(DownloadError.BadCompression, url + " inflates to more than the image's "
                            + _identity.Length.ToString() + " bytes: it is not the gzip of that image");
                    if (position < _headLength && !SameHead(buffer, position, n))
                        return false;
                    int skip = _held - position;
                    if (skip < n)
                    {
                        if (skip < 0)
                            skip = 0;
                        _sink.Write(buffer, skip, n - skip);
                        _held += n - skip;
                    }
                    position += n;
                }
                if (_held < _identity.Length)
                    throw new DownloadException(DownloadError.Truncated, "Compressed download from " + url + " ended at "
                        + _held.ToString() + " of " + _identity.Length.ToString() + " image bytes");
                return true;
            }
            catch (OutOfMemoryException)
            {
                // The device's decoder allocates its 32 KB window when the stream starts: without it, the plain file.
                if (position > 0)
                    throw;
                return false;
            }
            finally
            {
                inflated.Dispose();
            }
        }

        // The inflated bytes at [position, position + n) that fall in the head (at most 0x120 compares per download).
        bool SameHead(byte[] buffer, int position, int n)
        {
            for (int i = position; i < position + n && i < _headLength; i++)
            {
                if (buffer[i - position] != _head[i])
                    return false;
            }
            return true;
        }

        int ReadInflated(Stream inflated, byte[] buffer, string url, BodyStream body)
        {
            try
            {
                return inflated.Read(buffer, 0, buffer.Length);
            }
            catch (DownloadException)
            {
                throw;
            }
            catch (OutOfMemoryException)
            {
                throw;
            }
            catch (Exception e)
            {
                // A body that ended early reads as truncated gzip data: it is a drop, and retried.
                if (body.Ended && _compressedLength >= 0 && body.Received < _compressedLength)
                    throw new DownloadException(DownloadError.Truncated, "Compressed download from " + url + " ended at "
                        + body.Received.ToString() + " of " + _compressedLength.ToString() + " bytes", e);
                throw new DownloadException(DownloadError.BadCompression, "The compressed image " + url + " is corrupt (at "
                    + body.Received.ToString() + " compressed bytes): " + e.Message, e);
            }
        }

        /// <summary>
        /// The compressed copy is tried first; after it failed once, only while its whole length is below the plain
        /// bytes still missing (resuming it would need the decoder's state, so it is fetched again from its start).
        /// </summary>
        bool CompressedIsCheaper(string url)
        {
            if (_noCompressed)
                return false;
            // Going on from bytes held before (a restart): its length decides, asked for with one byte of it.
            if (_compressedLength < 0 && _held > _headLength)
                ProbeCompressed(url);
            return !_noCompressed && (_compressedLength < 0 || _compressedLength < _identity.Length - _held);
        }

        /// <summary>The compressed copy's length from a request for its first byte (the body is not read); none: a 404.</summary>
        void ProbeCompressed(string url)
        {
            string finalUrl;
            IHttpResponse response;
            try
            {
                response = Counted(_fetcher.OpenRange(url + CompressedSuffix, 0, 0, out finalUrl));
            }
            catch (DownloadException e)
            {
                if (e.Error != DownloadError.HttpStatus)
                    throw;
                _noCompressed = true;
                return;
            }
            try
            {
                if (response.StatusCode == 206)
                    _compressedLength = ContentRange.Parse(Header(response, 0), finalUrl).Complete;
                else
                    _compressedLength = response.ContentLength;
            }
            finally
            {
                response.Dispose();
            }
        }

        /// <summary>A 200 response is the whole image: the sink begins it afresh (nothing can be resumed without Range).</summary>
        void OpenWhole(string url, IHttpResponse response)
        {
            int length = response.ContentLength;
            CheckLength(length);
            IRangeResponse details = response as IRangeResponse;
            _identity = details == null ? new ImageIdentity(url, length, null, null)
                : new ImageIdentity(url, length, details.ETag, details.LastModified);
            _held = _sink.Open(_identity, null, 0);
            _open = true;
            if (_held != 0)
                throw new InvalidOperationException("a sink resumed without knowing the image's first bytes");
        }

        /// <summary>Body bytes into the sink until it holds expected, then the surplus check (as HttpFetcher's).</summary>
        void Pump(IHttpResponse response, string url, byte[] buffer, int expected)
        {
            BodyReader reader = _fetcher.Reader(response, url);
            int start = _held;
            while (_held < expected)
            {
                int want = expected - _held;
                if (want > buffer.Length)
                    want = buffer.Length;
                int n = reader.Read(buffer, 0, want, _held, expected);
                if (n == 0)
                    break;
                BytesReceived += n;
                _sink.Write(buffer, 0, n);
                _held += n;
            }
            if (_held != expected)
            {
                string message = "Download file size (" + _held.ToString() + ") does not match expected (" + expected.ToString()
                    + ")" + (_held > start ? string.Empty : " (no bytes in this request)");
                if (reader.Failure != null)
                    throw new DownloadException(DownloadError.Truncated, message, reader.Failure);
                throw new DownloadException(DownloadError.Truncated, message);
            }
            if (reader.ReadSurplus(buffer, 0) > 0)
                throw new DownloadException(DownloadError.Surplus, "Download file size (more than " + expected.ToString()
                    + ") does not match expected (" + expected.ToString() + "): the server sent more than its Content-Length");
        }

        void ReadHead(IHttpResponse response, string url, int headLength)
        {
            BodyReader reader = _fetcher.Reader(response, url);
            int got = 0;
            while (got < headLength)
            {
                int n = reader.Read(_head, got, headLength - got, got, headLength);
                if (n == 0)
                    break;
                got += n;
            }
            BytesReceived += got;
            if (got < headLength)
                throw new DownloadException(DownloadError.Truncated, "The first " + headLength.ToString() + " bytes of " + url
                    + " did not arrive (" + got.ToString() + " did)");
        }

        /// <summary>What was received is void: the sink forgets it; the next round starts at byte 0.</summary>
        void Void(string reason)
        {
            Restarts++;
            _sink.Restart(reason);
            _open = false;
            _held = 0;
            _compressedLength = -1;
        }

        IHttpResponse Counted(IHttpResponse response)
        {
            Requests++;
            return response;
        }

        static void CheckLength(int length)
        {
            if (length < HttpFetcher.MinimumImageLength)
                throw new DownloadException(DownloadError.InvalidLength, "Expected download file size ("
                    + (length < 0 ? 0 : length).ToString() + ") is invalid");
        }

        /// <summary>Content-Range (0), ETag (1) or Last-Modified (2), when the transport gives them; else null.</summary>
        static string Header(IHttpResponse response, int which)
        {
            IRangeResponse details = response as IRangeResponse;
            if (details == null)
                return null;
            if (which == 0)
                return details.ContentRange;
            return which == 1 ? details.ETag : details.LastModified;
        }

        int Backoff(int failures)
        {
            int wait = FirstBackoffMilliseconds;
            for (int i = 0; i < failures && wait < MaximumBackoffMilliseconds; i++)
                wait *= 2;
            return wait < MaximumBackoffMilliseconds ? wait : MaximumBackoffMilliseconds;
        }

        static bool Retryable(DownloadException e)
        {
            DownloadError error = e.Error;
            return error == DownloadError.Truncated || error == DownloadError.Stalled || error == DownloadError.TimedOut
                || error == DownloadError.RequestFailed;
        }

        void RestartQuietly(string reason)
        {
            if (!_open)
                return;
            try
            {
                _sink.Restart(reason);
            }
            catch (Exception)
            {
            }
        }

        // The sink's own failure must not hide the download error that caused it.
        void FailQuietly(string reason)
        {
            if (!_open)
                return;
            _open = false;
            try
            {
                _sink.Fail(reason);
            }
            catch (Exception)
            {
            }
        }
    }
}

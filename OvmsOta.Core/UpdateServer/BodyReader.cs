using System;
using OvmsOta.Ports;

namespace OvmsOta.UpdateServer
{
    /// <summary>
    /// Reads a response body with OVMS-like patience: a 0 from Read is "no data yet" until the transport
    /// says the body ended or the stall timeout passes; the whole transfer has an overall deadline. A
    /// connection error ends the body, as in OVMS's client, and the caller's length check reports it.
    /// </summary>
    sealed class BodyReader
    {
        // How long to wait before asking a stream that returned 0 again: short against any stall timeout.
        const int PollMilliseconds = 10;

        readonly IHttpResponse _response;
        readonly IMonotonicClock _clock;
        readonly string _url;
        readonly int _stallMilliseconds;
        readonly int _overallMilliseconds;
        readonly long _start;
        long _lastData;

        public BodyReader(IHttpResponse response, IMonotonicClock clock, string url, int stallMilliseconds, int overallMilliseconds)
        {
            _response = response;
            _clock = clock;
            _url = url;
            _stallMilliseconds = stallMilliseconds;
            _overallMilliseconds = overallMilliseconds;
            _start = clock.Milliseconds;
            _lastData = _start;
        }

        /// <summary>The connection error that ended the body early, if one did.</summary>
        public Exception Failure { get; private set; }

        /// <summary>
        /// Up to count bytes (at least 1), or 0 at the end of the body. received and expected only word
        /// the errors; expected is -1 when unknown.
        /// </summary>
        public int Read(byte[] buffer, int offset, int count, int received, int expected)
        {
            while (true)
            {
                long now = _clock.Milliseconds;
                if (now - _start > _overallMilliseconds)
                    throw new DownloadException(DownloadError.TimedOut, "Download from " + _url + " took longer than "
                        + Duration(_overallMilliseconds) + " (at " + Progress(received, expected) + ")");

                int n;
                try
                {
                    n = _response.Body.Read(buffer, offset, count);
                }
                catch (TimeoutException e)
                {
                    throw Stalled(received, expected, e);
                }
                catch (Exception e)
                {
                    Failure = e;
                    return 0;
                }

                if (n > 0)
                {
                    _lastData = _clock.Milliseconds;
                    return n;
                }
                if (_response.EndOfBody)
                    return 0;
                if (_clock.Milliseconds - _lastData >= _stallMilliseconds)
                    throw Stalled(received, expected, null);
                _clock.Pause(PollMilliseconds);
            }
        }

        /// <summary>
        /// One read without waiting, after the expected bytes: a byte here is surplus. 0, a timeout or
        /// an error all count as "nothing more" (a framed transport has already stopped).
        /// </summary>
        public int ReadSurplus(byte[] buffer, int offset)
        {
            try
            {
                return _response.Body.Read(buffer, offset, 1);
            }
            catch (Exception)
            {
                return 0;
            }
        }

        DownloadException Stalled(int received, int expected, Exception inner)
        {
            string message = "Download stalled: the update server sent no data for " + Duration(_stallMilliseconds)
                + " (at " + Progress(received, expected) + " from " + _url + ")";
            return inner == null
                ? new DownloadException(DownloadError.Stalled, message)
                : new DownloadException(DownloadError.Stalled, message, inner);
        }

        static string Progress(int received, int expected)
        {
            if (expected < 0)
                return received.ToString() + " bytes";
            return received.ToString() + " of " + expected.ToString() + " bytes";
        }

        /// <summary>"300 ms", or "10 s" for whole seconds.</summary>
        public static string Duration(int milliseconds)
        {
            if (milliseconds >= 1000 && milliseconds % 1000 == 0)
                return (milliseconds / 1000).ToString() + " s";
            return milliseconds.ToString() + " ms";
        }
    }
}

using System.IO;
using OvmsOta.Ports;

namespace OvmsOta.Push
{
    /// <summary>
    /// The time a connection may take, so no client holds a one-connection port: its request head (or shell login)
    /// must arrive within <see cref="HeadMilliseconds"/> of the accept; after it, at least
    /// <see cref="MinBytesPerWindow"/> bytes per <see cref="WindowMilliseconds"/> (the body rate). A missed limit is an
    /// IOException naming it. <see cref="Lift"/> ends both (an authenticated shell may sit idle).
    /// </summary>
    public sealed class ConnectionDeadline
    {
        public const int HeadMilliseconds = 10000;
        public const int WindowMilliseconds = 10000;
        public const int MinBytesPerWindow = 1024;

        private readonly IMonotonicClock _clock;
        private readonly long _start;
        private int _headMilliseconds;
        private string _headText = "request head or login";
        private long _headEnd;
        private long _windowEnd;
        private int _windowBytes;
        private bool _inBody;
        private bool _lifted;
        private string _missed = "";

        public ConnectionDeadline(IMonotonicClock clock)
            : this(clock, HeadMilliseconds)
        {
        }

        /// <summary>A deadline whose head part lasts headMilliseconds from now.</summary>
        public ConnectionDeadline(IMonotonicClock clock, int headMilliseconds)
        {
            _clock = clock;
            _start = clock.Milliseconds;
            _headMilliseconds = headMilliseconds;
            _headEnd = _start + headMilliseconds;
        }

        /// <summary>True once the head is in and the body rate applies.</summary>
        public bool InBody { get { return _inBody; } }

        /// <summary>The limit that ended the connection, for the server's log; "" while none was missed.</summary>
        public string Missed { get { return _missed; } }

        /// <summary>The head arrived: from now on the body rate applies.</summary>
        public void HeadDone()
        {
            if (_inBody || _lifted)
                return;
            _inBody = true;
            _windowEnd = _clock.Milliseconds + WindowMilliseconds;
            _windowBytes = 0;
        }

        /// <summary>
        /// Replaces the head limit by a whole-connection limit from the accept (the password-less read-only shell: no
        /// login to wait for, and no owner to tell apart from a stranger, so nobody keeps it longer than this).
        /// </summary>
        public void LimitConnection(int milliseconds, string what)
        {
            _headMilliseconds = milliseconds;
            _headEnd = _start + milliseconds;
            _headText = what;
        }

        /// <summary>No limit from now on (a logged-in shell; its idle timeout is the socket's).</summary>
        public void Lift()
        {
            _lifted = true;
        }

        /// <summary>Milliseconds until the next limit is judged (at least 1); -1 when lifted.</summary>
        public int RemainingMilliseconds
        {
            get
            {
                if (_lifted)
                    return -1;
                long left = (_inBody ? _windowEnd : _headEnd) - _clock.Milliseconds;
                return left < 1 ? 1 : (int)left;
            }
        }

        /// <summary>Throws an IOException when the head is late or a whole window passed below the body rate.</summary>
        public void Check()
        {
            if (_lifted)
                return;
            long now = _clock.Milliseconds;
            if (!_inBody)
            {
                if (now >= _headEnd)
                    Miss(_headText + " not complete within " + (_headMilliseconds / 1000).ToString() + " s");
                return;
            }
            while (now >= _windowEnd)
            {
                if (_windowBytes < MinBytesPerWindow)
                    Miss("body slower than " + MinBytesPerWindow.ToString() + " bytes per "
                        + (WindowMilliseconds / 1000).ToString() + " s");
                _windowBytes = 0;
                _windowEnd += WindowMilliseconds;
            }
        }

        private void Miss(string limit)
        {
            _missed = limit + "; connection closed";
            throw new IOException(_missed);
        }

        /// <summary>Counts bytes just read (after judging the windows that ended while waiting for them).</summary>
        public void Received(int count)
        {
            Check();
            if (count > 0 && _inBody)
                _windowBytes += count;
        }
    }
}

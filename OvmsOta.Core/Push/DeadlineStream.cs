using System;
using System.IO;
using OvmsOta.Ports;

namespace OvmsOta.Push
{
    /// <summary>
    /// A connection read under a <see cref="ConnectionDeadline"/>: each read is judged before and after, and its
    /// timeout is cut to the time left, so neither a trickling nor a silent client outlives the limit. With
    /// headEndsAtBlankLine (HTTP) the head ends at the first blank line read; otherwise the reader says so.
    /// Writes pass through.
    /// </summary>
    public sealed class DeadlineStream : ForwardStream
    {
        private readonly Stream _inner;
        private readonly ConnectionDeadline _deadline;
        private readonly bool _headEndsAtBlankLine;
        private readonly int _idleMilliseconds;
        private bool _lineJustEnded;

        public DeadlineStream(Stream inner, ConnectionDeadline deadline, bool headEndsAtBlankLine)
        {
            if (inner == null)
                throw new ArgumentNullException("inner");
            _inner = inner;
            _deadline = deadline;
            _headEndsAtBlankLine = headEndsAtBlankLine;
            _idleMilliseconds = inner.CanTimeout ? inner.ReadTimeout : -1;
        }

        public ConnectionDeadline Deadline { get { return _deadline; } }

        public override int Read(byte[] buffer, int offset, int count)
        {
            _deadline.Check();
            if (_inner.CanTimeout)
                _inner.ReadTimeout = ReadTimeoutNow();
            int n;
            try
            {
                n = _inner.Read(buffer, offset, count);
            }
            catch (Exception)
            {
                // A read cut by the timeout above: say which limit was missed rather than the socket's words.
                _deadline.Check();
                throw;
            }
            if (_headEndsAtBlankLine && !_deadline.InBody)
                FindBlankLine(buffer, offset, n);
            _deadline.Received(n);
            return n;
        }

        private int ReadTimeoutNow()
        {
            int left = _deadline.RemainingMilliseconds;
            if (left < 0)
                return _idleMilliseconds > 0 ? _idleMilliseconds : -1;
            if (_idleMilliseconds > 0 && _idleMilliseconds < left)
                return _idleMilliseconds;
            return left;
        }

        private void FindBlankLine(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                // A blank line: LF, optional CR, LF (CR LF CR LF or bare LF LF, as the head reader accepts).
                byte b = buffer[offset + i];
                if (b == 13)
                    continue;
                if (b == 10 && _lineJustEnded)
                {
                    _deadline.HeadDone();
                    return;
                }
                _lineJustEnded = b == 10;
            }
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            _inner.Write(buffer, offset, count);
        }

        public override void Flush()
        {
            _inner.Flush();
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                _inner.Dispose();
            base.Dispose(disposing);
        }

        public override bool CanWrite { get { return _inner.CanWrite; } }
    }
}

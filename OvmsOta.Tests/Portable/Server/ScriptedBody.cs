using System;
using System.IO;
using OvmsOta.Ports;

namespace OvmsOta.Tests.Portable.Server
{
    /// <summary>
    /// A response body that misbehaves on cue: returns 0 ("no data yet", as nanoFramework's network
    /// stream does) between chunks, stops sending after some bytes, ends early, or throws a timeout.
    /// Every Read can also advance the fake clock, as a slow network would.
    /// </summary>
    public sealed class ScriptedBody : ForwardStream
    {
        readonly byte[] _data;
        readonly FakeClock _clock;
        int _position;
        int _zerosLeft;

        public ScriptedBody(byte[] data, FakeClock clock)
        {
            _data = data;
            _clock = clock;
            ChunkSize = 700;
            StallAt = -1;
            TimeoutAt = -1;
        }

        /// <summary>Largest chunk one Read returns.</summary>
        public int ChunkSize { get; set; }

        /// <summary>Reads that return 0 before each chunk, without ending the body.</summary>
        public int ZerosBeforeEachChunk { get; set; }

        /// <summary>After this many bytes, Read returns 0 for ever and the body never ends (-1: never).</summary>
        public int StallAt { get; set; }

        /// <summary>After this many bytes, Read throws TimeoutException (-1: never).</summary>
        public int TimeoutAt { get; set; }

        /// <summary>Clock advance per Read call.</summary>
        public int MillisecondsPerRead { get; set; }

        /// <summary>True once all data was handed out and a Read saw the end.</summary>
        public bool Ended { get; private set; }

        public int Reads { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Reads++;
            _clock.Milliseconds += MillisecondsPerRead;
            if (_position == TimeoutAt)
                throw new TimeoutException("no data within the read timeout");
            if (_position == StallAt)
                return 0;
            if (_position == _data.Length)
            {
                Ended = true;
                return 0;
            }
            if (_zerosLeft > 0)
            {
                _zerosLeft--;
                return 0;
            }
            int n = _data.Length - _position;
            if (n > count)
                n = count;
            if (n > ChunkSize)
                n = ChunkSize;
            n = StopBefore(StallAt, n);
            n = StopBefore(TimeoutAt, n);
            Array.Copy(_data, _position, buffer, offset, n);
            _position += n;
            _zerosLeft = ZerosBeforeEachChunk;
            return n;
        }

        // A chunk never crosses a point where the body is told to misbehave.
        int StopBefore(int mark, int n)
        {
            return mark > _position && _position + n > mark ? mark - _position : n;
        }

        public override long Position { get { return _position; } set { throw new NotSupportedException(); } }
    }
}

using System;
using System.IO;
using OvmsOta.Ports;

namespace OvmsOta.UpdateServer
{
    /// <summary>
    /// A response body as a plain Stream for an inflater: reads go through <see cref="BodyReader"/> (stall timeout,
    /// "no data yet" zeros), so Read returns 0 only at the real end; every byte read is counted as received.
    /// </summary>
    sealed class BodyStream : ForwardStream
    {
        readonly BodyReader _reader;
        readonly int _expected;
        int _received;

        public BodyStream(BodyReader reader, int expected)
        {
            _reader = reader;
            _expected = expected;
        }

        /// <summary>True once a read found the end of the body (early or not).</summary>
        public bool Ended { get; private set; }

        /// <summary>Compressed bytes read so far.</summary>
        public int Received { get { return _received; } }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_expected >= 0 && count > _expected - _received)
                count = _expected - _received;
            if (count <= 0)
                return 0;
            int n = _reader.Read(buffer, offset, count, _received, _expected);
            if (n == 0)
                Ended = true;
            _received += n;
            return n;
        }

        public override long Position { get { return _received; } set { throw new NotSupportedException(); } }
    }
}

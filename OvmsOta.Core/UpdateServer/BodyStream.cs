using System;
using System.IO;

namespace OvmsOta.UpdateServer
{
    /// <summary>
    /// A response body as a plain Stream for an inflater: reads go through <see cref="BodyReader"/> (stall timeout,
    /// "no data yet" zeros), so Read returns 0 only at the real end; every byte read is counted as received.
    /// </summary>
    sealed class BodyStream : Stream
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

#if NANOFRAMEWORK_1_0
        // nanoFramework's Stream declares Read(SpanByte) abstract: served by Read(byte[], int, int).
        public override int Read(SpanByte buffer)
        {
            byte[] chunk = new byte[buffer.Length];
            int n = Read(chunk, 0, chunk.Length);
            new SpanByte(chunk, 0, n).CopyTo(buffer);
            return n;
        }
#endif

        public override bool CanRead { get { return true; } }
        public override bool CanSeek { get { return false; } }
        public override bool CanWrite { get { return false; } }
        public override long Length { get { throw new NotSupportedException(); } }
        public override long Position { get { return _received; } set { throw new NotSupportedException(); } }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) { throw new NotSupportedException(); }
        public override void SetLength(long value) { throw new NotSupportedException(); }
        public override void Write(byte[] buffer, int offset, int count) { throw new NotSupportedException(); }
    }
}

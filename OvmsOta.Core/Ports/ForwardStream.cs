using System;
using System.IO;

namespace OvmsOta.Ports
{
    /// <summary>
    /// The base of every stream here that is read (or written) front to back and never seeks: an HTTP body, a push
    /// connection, an inflated image. A subclass gives Read(byte[], int, int) and, if it writes, CanWrite and Write.
    /// nanoFramework's Stream also declares Read(SpanByte) abstract; it is served here from Read(byte[], int, int)
    /// through one buffer per stream, so no read allocates.
    /// </summary>
    public abstract class ForwardStream : Stream
    {
        private const int SpanChunk = 512;

#if NANOFRAMEWORK_1_0
        private byte[] _spanChunk;

        public override int Read(SpanByte buffer)
        {
            if (_spanChunk == null)
                _spanChunk = new byte[SpanChunk];
            int n = Read(_spanChunk, 0, buffer.Length < SpanChunk ? buffer.Length : SpanChunk);
            new SpanByte(_spanChunk, 0, n).CopyTo(buffer);
            return n;
        }
#endif

        public override bool CanRead { get { return true; } }
        public override bool CanSeek { get { return false; } }
        public override bool CanWrite { get { return false; } }
        public override long Length { get { throw new NotSupportedException("a forward-only stream has no length"); } }
        public override long Position
        {
            get { throw new NotSupportedException("a forward-only stream has no position"); }
            set { throw new NotSupportedException("a forward-only stream cannot seek"); }
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) { throw new NotSupportedException("a forward-only stream cannot seek"); }
        public override void SetLength(long value) { throw new NotSupportedException("a forward-only stream cannot change length"); }
        public override void Write(byte[] buffer, int offset, int count) { throw new NotSupportedException("this stream is read-only"); }
    }
}

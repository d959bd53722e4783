// Reference model of nanoframework/System.IO.Streams, tag v1.1.96, System.IO.Streams/MemoryStream.cs:
// the public surface as declared there, bodies throw. (On nanoCLR it cannot grow past 65,535 bytes.)
namespace System.IO
{
    public class MemoryStream : Stream
    {
        public MemoryStream() => throw null;
        public MemoryStream(byte[] buffer) => throw null;
        public MemoryStream(byte[] buffer, bool isWritable) => throw null;

        public override bool CanRead => throw null;
        public override bool CanSeek => throw null;
        public override bool CanWrite => throw null;
        public override long Length => throw null;
        public override long Position { get => throw null; set => throw null; }

        protected override void Dispose(bool disposing) => throw null;
        public override void Flush() => throw null;
        public virtual byte[] GetBuffer() => throw null;
        public override int Read(SpanByte buffer) => throw null;
        public override int Read(byte[] buffer, int offset, int count) => throw null;
        public override int ReadByte() => throw null;
        public override long Seek(long offset, SeekOrigin origin) => throw null;
        public override void SetLength(long value) => throw null;
        public virtual byte[] ToArray() => throw null;
        public override void Write(byte[] buffer, int offset, int count) => throw null;
        public override void WriteByte(byte value) => throw null;
        public virtual void WriteTo(Stream stream) => throw null;
    }
}

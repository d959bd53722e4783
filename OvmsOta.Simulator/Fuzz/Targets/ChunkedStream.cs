namespace OvmsOta.Simulator.Fuzz.Targets;

/// <summary>A connection: reads the input in pieces of a size derived from it (as TCP delivers), discards what is written.</summary>
public sealed class ChunkedStream(byte[] input) : Stream
{
    readonly int _piece = 1 + (int)((uint)(input.Length * 2654435761) % 1500);
    int _position;

    public long Written { get; private set; }

    public override int Read(byte[] buffer, int offset, int count)
    {
        int n = Math.Min(Math.Min(count, _piece), input.Length - _position);
        Array.Copy(input, _position, buffer, offset, n);
        _position += n;
        return n;
    }

    public override void Write(byte[] buffer, int offset, int count) => Written += count;
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}

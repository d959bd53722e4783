using OvmsOta.Ports;

namespace OvmsOta.Simulator.Net;

/// <summary>
/// A response body whose reads give up after a timeout (TimeoutException), as IHttpResponse requires:
/// .NET's content streams would otherwise wait for ever on a stalled server. A connection that ends
/// early (an IOException from .NET) ends the body, so the caller's length check reports it.
/// </summary>
sealed class TimedReadStream : Stream
{
    readonly Stream _inner;
    readonly int _timeoutMilliseconds;

    public TimedReadStream(Stream inner, int timeoutMilliseconds)
    {
        _inner = inner;
        _timeoutMilliseconds = timeoutMilliseconds;
    }

    /// <summary>True once a read saw the end of the body or the connection closing.</summary>
    public bool Ended { get; private set; }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (Ended || count == 0)
            return 0;
        using var timeout = new CancellationTokenSource(_timeoutMilliseconds);
        int n;
        try
        {
            n = _inner.ReadAsync(buffer.AsMemory(offset, count), timeout.Token).AsTask().GetAwaiter().GetResult();
        }
        catch (OperationCanceledException e) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException("no data within " + _timeoutMilliseconds + " ms", e);
        }
        catch (IOException)
        {
            Ended = true;
            return 0;
        }
        if (n == 0)
            Ended = true;
        return n;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _inner.Dispose();
        base.Dispose(disposing);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

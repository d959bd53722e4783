using System.Runtime.InteropServices;
using OvmsOta.Ports;

namespace OvmsOta.Simulator.Compression;

/// <summary>
/// The host's <see cref="IDeflateDecoder"/>: the system's zlib (libz.so.1, on every Linux; .NET's own DeflateStream is
/// zlib too) called raw (window bits -15). zlib fits the port exactly as tinfl does: inflate() takes the input it can
/// use, reports what it left in avail_in, and at the end of the deflate data returns every byte past it unread, so a
/// gzip trailer or the next ZIP entry stays the caller's. .NET's DeflateStream reads ahead and cannot say where the
/// deflate data ended. The z_stream lives in unmanaged memory; buffers are pinned for one call only.
/// </summary>
public sealed class ZlibDeflateDecoder : IDeflateDecoder, IDisposable
{
    private const string Zlib = "libz.so.1";
    private const int ZOk = 0, ZStreamEnd = 1, ZBufError = -5, ZNoFlush = 0;
    private const int RawWindowBits = -15;

    // z_stream on LP64: pointers and uLong are 8 bytes, uInt and int 4.
    private const int NextIn = 0, AvailIn = 8, NextOut = 24, AvailOut = 32, StreamSize = 112;

    private IntPtr _stream;
    private bool _ended;

    public void Reset()
    {
        Release();
        _stream = Marshal.AllocHGlobal(StreamSize);
        for (int i = 0; i < StreamSize; i += 8)
            Marshal.WriteInt64(_stream, i, 0);   // zalloc, zfree, opaque null: zlib's own allocator
        int rc = inflateInit2_(_stream, RawWindowBits, "1.2.13", StreamSize);
        if (rc != ZOk)
        {
            Marshal.FreeHGlobal(_stream);
            _stream = IntPtr.Zero;
            throw new InvalidOperationException("zlib inflateInit2 failed: " + rc);
        }
        _ended = false;
    }

    public DeflateStatus Decode(byte[] input, int inOffset, int inCount, byte[] output, int outOffset, int outCount,
        out int consumed, out int produced)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        if (inOffset < 0 || inCount < 0 || inCount > input.Length - inOffset)
            throw new ArgumentOutOfRangeException(nameof(inCount));
        if (outOffset < 0 || outCount < 0 || outCount > output.Length - outOffset)
            throw new ArgumentOutOfRangeException(nameof(outCount));
        if (_stream == IntPtr.Zero || _ended)
            throw new InvalidOperationException("Decode needs Reset first (the stream ended or was released)");
        GCHandle pinnedIn = GCHandle.Alloc(input, GCHandleType.Pinned);
        GCHandle pinnedOut = GCHandle.Alloc(output, GCHandleType.Pinned);
        int rc;
        try
        {
            Marshal.WriteIntPtr(_stream, NextIn, pinnedIn.AddrOfPinnedObject() + inOffset);
            Marshal.WriteInt32(_stream, AvailIn, inCount);
            Marshal.WriteIntPtr(_stream, NextOut, pinnedOut.AddrOfPinnedObject() + outOffset);
            Marshal.WriteInt32(_stream, AvailOut, outCount);
            rc = inflate(_stream, ZNoFlush);
            consumed = inCount - Marshal.ReadInt32(_stream, AvailIn);
            produced = outCount - Marshal.ReadInt32(_stream, AvailOut);
            // Never leave pointers into arrays that are unpinned below.
            Marshal.WriteIntPtr(_stream, NextIn, IntPtr.Zero);
            Marshal.WriteIntPtr(_stream, NextOut, IntPtr.Zero);
        }
        finally
        {
            pinnedIn.Free();
            pinnedOut.Free();
        }
        if (rc == ZStreamEnd)
        {
            _ended = true;
            return DeflateStatus.Done;
        }
        if (rc == ZOk || rc == ZBufError)
            return produced == outCount && outCount > 0 ? DeflateStatus.HasMoreOutput : DeflateStatus.NeedsInput;
        _ended = true;   // Z_DATA_ERROR, Z_NEED_DICT (never in raw deflate), Z_MEM_ERROR
        return DeflateStatus.Corrupt;
    }

    public void Release()
    {
        if (_stream == IntPtr.Zero)
            return;
        inflateEnd(_stream);
        Marshal.FreeHGlobal(_stream);
        _stream = IntPtr.Zero;
    }

    public void Dispose() => Release();

    [DllImport(Zlib)]
    private static extern int inflateInit2_(IntPtr stream, int windowBits, string version, int streamSize);

    [DllImport(Zlib)]
    private static extern int inflate(IntPtr stream, int flush);

    [DllImport(Zlib)]
    private static extern int inflateEnd(IntPtr stream);
}

using System.Numerics;
using System.Runtime.CompilerServices;
using OvmsOta.Ports;

namespace OvmsOta.Simulator.Hashing;

/// <summary>
/// <see cref="IChecksumFold"/> with SIMD words: XOR is associative, so the bytes fold as vectors whose lanes are
/// folded together at the end. The host's counterpart of the device's native fold; ManagedChecksumFold stays the
/// portable one and the reference.
/// </summary>
public sealed class HostChecksumFold : IChecksumFold
{
    // Vector<T> is only intrinsic in optimized code: skip tier 0, where it would be slower than the byte loop.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public byte Fold(byte checksum, byte[] buffer, int offset, int count)
    {
        ReadOnlySpan<byte> bytes = buffer.AsSpan(offset, count);
        var lanes = Vector<byte>.Zero;
        int i = 0;
        for (int last = bytes.Length - Vector<byte>.Count; i <= last; i += Vector<byte>.Count)
            lanes ^= new Vector<byte>(bytes.Slice(i));
        int folded = checksum;
        for (int lane = 0; lane < Vector<byte>.Count; lane++)
            folded ^= lanes[lane];
        for (; i < bytes.Length; i++)
            folded ^= bytes[i];
        return (byte)folded;
    }
}

using System.Security.Cryptography;
using OvmsOta.Ports;

namespace OvmsOta.Simulator.Hashing;

/// <summary>
/// <see cref="ISha256"/> on .NET's incremental SHA-256 (SHA-NI or the OS library): what the host tools and the
/// simulated module hash with, as the device hashes natively. Core's portable ManagedSha256 stays the nanoCLR
/// implementation and the reference the tests compare this one against.
/// </summary>
public sealed class HostSha256 : ISha256, IDisposable
{
    private const int DigestSize = 32;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private bool _dirty;

    public void Reset()
    {
        if (!_dirty)
            return;
        Span<byte> discarded = stackalloc byte[DigestSize];
        _hash.GetHashAndReset(discarded);
        _dirty = false;
    }

    public void Update(byte[] buffer, int offset, int count)
    {
        _hash.AppendData(buffer, offset, count);
        _dirty = true;
    }

    public void Final(byte[] output, int offset)
    {
        _hash.GetHashAndReset(output.AsSpan(offset, DigestSize));
        _dirty = false;
    }

    public void Dispose() => _hash.Dispose();
}

using System.Security.Cryptography;
using OvmsOta.Ports;

namespace OvmsOta.Simulator.Fuzz;

/// <summary>SHA-256 from .NET (the device passes its native mbedtls one the same way): the fuzzer spends its time in the
/// parser, not in the managed hash, which tests elsewhere check against this.</summary>
public sealed class HostSha256 : ISha256
{
    IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public void Reset()
    {
        _hash.Dispose();
        _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    }

    public void Update(byte[] buffer, int offset, int count) => _hash.AppendData(buffer, offset, count);

    public void Final(byte[] output, int offset) => _hash.GetHashAndReset().CopyTo(output, offset);
}

using OvmsOta.Image;

namespace OvmsOta.Simulator.Hashing;

/// <summary>The host's digests bound the way the device binds its native ones: one place for every host tool.</summary>
public static class HostDigests
{
    /// <summary>An image validator on .NET's SHA-256 and the SIMD checksum fold.</summary>
    public static ImageValidator Validator() => new(new HostSha256(), new HostChecksumFold());
}

using System;
using System.Security.Cryptography;
using OvmsOta.Simulator.Signing;
using OvmsOta.Tests.Portable.Signing;

namespace OvmsOta.Tests.Host.Signing;

/// <summary>A real RSA-3072 key as the signing cases' signer (RSASSA-PSS, SHA-256, salt 32, as espsecure signs).</summary>
public sealed class RsaBlockSigner(EspSigningKey key) : IBlockSigner
{
    public EspSigningKey Key { get; } = key;

    public byte[] KeyFields => Key.Fields;

    public byte[] Sign(byte[] digest)
    {
        byte[] signature = Key.Rsa.SignHash(digest, HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
        Array.Reverse(signature);
        return signature;
    }

    /// <summary>Two keys made once per test run (RSA-3072 generation takes a while).</summary>
    public static readonly Lazy<RsaBlockSigner> First = new(() => new RsaBlockSigner(EspSigningKey.Generate()));
    public static readonly Lazy<RsaBlockSigner> Second = new(() => new RsaBlockSigner(EspSigningKey.Generate()));
}

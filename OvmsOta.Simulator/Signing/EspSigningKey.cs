using System.Numerics;
using System.Security.Cryptography;
using OvmsOta.Signing;
using OvmsOta.Simulator.Hashing;

namespace OvmsOta.Simulator.Signing;

/// <summary>
/// An RSA-3072 key as espsecure writes and reads it (PEM: "RSA PRIVATE KEY" / PKCS#8 private, or "PUBLIC KEY"), with the
/// 776 key bytes of a Secure Boot V2 block (n, e, R² mod n, m′, little-endian) and their SHA-256, the eFuse digest.
/// </summary>
public sealed class EspSigningKey : IDisposable
{
    public const int Bits = 3072;

    private EspSigningKey(RSA rsa, bool hasPrivate)
    {
        Rsa = rsa;
        HasPrivate = hasPrivate;
        Fields = KeyFields(rsa.ExportParameters(false));
        Digest = SHA256.HashData(Fields);
    }

    public RSA Rsa { get; }
    public bool HasPrivate { get; }

    /// <summary>Block bytes 36-811 for this key.</summary>
    public byte[] Fields { get; }

    /// <summary>SHA-256 of <see cref="Fields"/>: what `ota signing.keys` and espsecure digest-sbv2-public-key hold.</summary>
    public byte[] Digest { get; }

    public string DigestHex => Convert.ToHexString(Digest).ToLowerInvariant();

    /// <summary>A new RSA-3072 key (e = 65537), as espsecure generate-signing-key --version 2 --scheme rsa3072.</summary>
    public static EspSigningKey Generate()
    {
        return new EspSigningKey(RSA.Create(Bits), true);
    }

    /// <summary>The key in a PEM file (private or public); throws InvalidDataException when it is not an RSA-3072 key.</summary>
    public static EspSigningKey Load(string path)
    {
        return FromPem(File.ReadAllText(path), path);
    }

    public static EspSigningKey FromPem(string pem, string name)
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            throw new InvalidDataException($"{name}: not an RSA key in PEM ({e.Message})");
        }
        if (rsa.KeySize != Bits)
        {
            int size = rsa.KeySize;
            rsa.Dispose();
            throw new InvalidDataException($"{name}: an RSA-{size} key; Secure Boot V2 on the ESP32 takes RSA-3072 only");
        }
        bool hasPrivate = pem.Contains("PRIVATE KEY", StringComparison.Ordinal);
        return new EspSigningKey(rsa, hasPrivate);
    }

    /// <summary>PKCS#1 "RSA PRIVATE KEY" PEM (espsecure's TraditionalOpenSSL form).</summary>
    /// <summary>Writes a Secure Boot V2 block signing digest (RSA-PSS, SHA-256, salt 32) at block[offset..+1216).</summary>
    public void ComposeBlock(byte[] digest, byte[] block, int offset)
    {
        if (!HasPrivate)
            throw new InvalidOperationException("signing needs the private key; this PEM holds only the public key");
        byte[] signature = Rsa.SignHash(digest, HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
        Array.Reverse(signature);
        SignatureBlock.Compose(block, offset, digest, Fields, signature);
    }

    public string PrivatePem() => Rsa.ExportRSAPrivateKeyPem();

    /// <summary>SubjectPublicKeyInfo "PUBLIC KEY" PEM (espsecure extract-public-key).</summary>
    public string PublicPem() => Rsa.ExportSubjectPublicKeyInfoPem();

    /// <summary>n, e, R² mod n (R = 2^3072) and m′ = -n⁻¹ mod 2^32, little-endian: the chip's RSA unit's constants.</summary>
    public static byte[] KeyFields(RSAParameters p)
    {
        var fields = new byte[SignatureFormat.KeyLength];
        var n = new BigInteger(p.Modulus!, isUnsigned: true, isBigEndian: true);
        var e = new BigInteger(p.Exponent!, isUnsigned: true, isBigEndian: true);
        Put(fields, SignatureFormat.ModulusOffset, n, SignatureFormat.RsaBytes);
        Put(fields, SignatureFormat.ExponentOffset, e, 4);
        Put(fields, SignatureFormat.MontgomeryROffset, BigInteger.ModPow(2, 2 * Bits, n), SignatureFormat.RsaBytes);
        BigInteger word = BigInteger.One << 32;
        BigInteger inverse = BigInteger.ModPow(n % word, (BigInteger.One << 31) - 1, word); // odd n: n^(2^31 - 1) = n^-1 mod 2^32
        Put(fields, SignatureFormat.MontgomeryMOffset, (word - inverse) % word, 4);
        return fields;
    }

    static void Put(byte[] fields, int blockOffset, BigInteger value, int size)
    {
        byte[] bytes = value.ToByteArray(isUnsigned: true, isBigEndian: false);
        if (bytes.Length > size)
            throw new InvalidDataException("key field too long");
        Array.Copy(bytes, 0, fields, blockOffset - SignatureFormat.KeyOffset, bytes.Length);
    }

    /// <summary>The key stored in a block as .NET RSA parameters (for verifying with it).</summary>
    public static RSAParameters StoredKey(byte[] block, int offset)
    {
        var modulus = new byte[SignatureFormat.RsaBytes];
        Array.Copy(block, offset + SignatureFormat.ModulusOffset, modulus, 0, modulus.Length);
        Array.Reverse(modulus);
        uint e = OvmsOta.Flash.LittleEndian.ReadUInt32(block, offset + SignatureFormat.ExponentOffset);
        byte[] exponent = new BigInteger(e).ToByteArray(isUnsigned: true, isBigEndian: true);
        return new RSAParameters { Modulus = modulus, Exponent = exponent };
    }

    public void Dispose() => Rsa.Dispose();
}

using System.Security.Cryptography;
using OvmsOta.Signing;

namespace OvmsOta.Simulator.Signing;

/// <summary>
/// <see cref="ISignatureVerifier"/> on .NET's RSA: the block's stored key, RSASSA-PSS with SHA-256 (MGF1-SHA-256, salt
/// length = hash length = 32, .NET's fixed choice and espsecure's), the signature un-reversed to big-endian.
/// </summary>
public sealed class HostRsaVerifier : ISignatureVerifier
{
    public bool Verify(byte[] block, int offset, byte[] digest)
    {
        RSAParameters key = EspSigningKey.StoredKey(block, offset);
        var signature = new byte[SignatureFormat.RsaBytes];
        Array.Copy(block, offset + SignatureFormat.SignatureOffset, signature, 0, signature.Length);
        Array.Reverse(signature);
        try
        {
            using var rsa = RSA.Create();
            rsa.ImportParameters(key);
            return rsa.VerifyHash(digest, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
        }
        catch (CryptographicException)
        {
            return false; // a stored key .NET cannot load (e = 0, even modulus ...) verifies nothing
        }
    }
}

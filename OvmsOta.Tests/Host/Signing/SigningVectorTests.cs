using System;
using System.IO;
using System.Security.Cryptography;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.Tests.Host.Sim;
using OvmsOta.Flash;
using OvmsOta.Image;
using OvmsOta.Signing;
using OvmsOta.Simulator;
using OvmsOta.Simulator.Hashing;
using OvmsOta.Simulator.Signing;
using OvmsOta.Tests.Portable.Signing;

namespace OvmsOta.Tests.Host.Signing;

/// <summary>
/// Byte compatibility with espsecure (esptool v5.3.1): the shared vector (../shared/reference/vectors/signing/) parses
/// to the field values its README lists and verifies with key A only; a block we make for the vector's unsigned image
/// follows the layout rules field for field (all but the random signature) and verifies. espsecure itself cannot be
/// installed here (no PyPI), so its verdict on our output is checked against the documented rules, not by running it.
/// </summary>
[TestClass]
public class SigningVectorTests
{
    static string Signing(string name) => RepositoryPaths.Vector(Path.Combine("signing", name));
    static byte[] Signed => File.ReadAllBytes(Signing("esp32-app-minimal.signed-A.bin"));
    const int Sector = 0x11000;

    [TestMethod]
    public void TheVectorsBlockHoldsTheFieldsItsReadmeLists()
    {
        byte[] file = Signed;
        Assert.AreEqual(73728, file.Length);
        SignatureBlock block = SignatureBlock.Read(file, Sector, 0, new ManagedSha256());
        Assert.IsTrue(block.IsWellFormed);
        Assert.AreEqual("e7020000", Convert.ToHexString(file, Sector, 4).ToLowerInvariant());
        Assert.AreEqual("30cdf04e27f53748d2a84fef87d7551dc679be37785e50efe2c8f69a66fe5090", Hex.Digest(block.ImageDigest, 0, 32));
        Assert.AreEqual("8fed548bac4eaa3a", Convert.ToHexString(file, Sector + 36, 8).ToLowerInvariant());
        Assert.AreEqual("88246a4ff65382c7", Convert.ToHexString(file, Sector + 36 + 376, 8).ToLowerInvariant());
        Assert.AreEqual(65537u, block.Exponent);
        Assert.AreEqual(0x570E6E91u, LittleEndian.ReadUInt32(file, Sector + SignatureFormat.MontgomeryMOffset));
        Assert.AreEqual(0x325C2F94u, block.StoredCrc);
        Assert.AreEqual(0x325C2F94u, block.CalculatedCrc);
        CollectionAssert.AreEqual(File.ReadAllBytes(Signing("key-A.digest.bin")), block.KeyDigest);
        Assert.AreEqual("1bc7751fde8f0718ed04078cea195cf9dde1004e8c480870479877f6e4ae0aba", Hex.Digest(block.KeyDigest, 0, 32));
        Assert.AreEqual(Sector, SignatureFormat.SectorOffset(65632));
        for (int i = Sector + SignatureFormat.PaddingOffset; i < Sector + SignatureFormat.BlockSize; i++)
            Assert.AreEqual(0, file[i], "padding");
        for (int i = Sector + SignatureFormat.BlockSize; i < file.Length; i++)
            Assert.AreEqual(0xFF, file[i], "after the block");
    }

    [TestMethod]
    public void KeyFieldsComputedFromThePublicPemEqualEspsecuresBytes()
    {
        using EspSigningKey key = EspSigningKey.Load(Signing("key-A.pub.pem"));
        Assert.IsFalse(key.HasPrivate);
        var stored = new byte[SignatureFormat.KeyLength];
        Array.Copy(Signed, Sector + SignatureFormat.KeyOffset, stored, 0, stored.Length);
        CollectionAssert.AreEqual(stored, key.Fields, "n, e, R² mod n and m′ as espsecure stores them");
        CollectionAssert.AreEqual(File.ReadAllBytes(Signing("key-A.digest.bin")), key.Digest);
    }

    [TestMethod]
    public void TheVectorVerifiesWithKeyAAndFailsWhenAlteredOrWithAnotherKey()
    {
        byte[] file = Signed;
        byte[] digest = SHA256.HashData(file.AsSpan(0, Sector));
        var verifier = new HostRsaVerifier();
        Assert.IsTrue(verifier.Verify(file, Sector, digest));
        byte[] other = (byte[])digest.Clone();
        other[0] ^= 1;
        Assert.IsFalse(verifier.Verify(file, Sector, other), "another digest");
        byte[] forged = (byte[])file.Clone();
        forged[Sector + SignatureFormat.SignatureOffset + 7] ^= 1;
        Assert.IsFalse(verifier.Verify(forged, Sector, digest), "an altered signature");

        var (code, output, _) = Cli.Run("image", "verify", "--key", Signing("key-A.pub.pem"), Signing("esp32-app-minimal.signed-A.bin"));
        Assert.AreEqual(0, code, output);
        StringAssert.Contains(output, "signature block 0 verified with key 1bc7751fde8f0718ed04078cea195cf9dde1004e8c480870479877f6e4ae0aba");
        var (digestCode, _, _) = Cli.Run("image", "verify", "--digest", "1bc7751fde8f0718ed04078cea195cf9dde1004e8c480870479877f6e4ae0aba",
            Signing("esp32-app-minimal.signed-A.bin"));
        Assert.AreEqual(0, digestCode);

        using var temp = new OvmsOta.Tests.Host.Sim.TempFolder();
        string otherKey = temp.File("other.pem");
        File.WriteAllText(otherKey, RsaBlockSigner.Second.Value.Key.PublicPem());
        var (failCode, _, error) = Cli.Run("image", "verify", "--key", otherKey, Signing("esp32-app-minimal.signed-A.bin"));
        Assert.AreEqual(1, failCode);
        StringAssert.Contains(error, "signature NOT verified: block 0: the image is signed with a key this module does not trust");
    }

    [TestMethod]
    public void ABlockWeMakeFollowsEspsecuresLayoutFieldForFieldAndVerifies()
    {
        using var temp = new OvmsOta.Tests.Host.Sim.TempFolder();
        string keyPath = temp.File("test.pem");
        var (keyCode, keyOut, _) = Cli.Run("keygen", "-o", keyPath);
        Assert.AreEqual(0, keyCode);
        StringAssert.Contains(File.ReadAllText(keyPath), "-----BEGIN RSA PRIVATE KEY-----");
        using EspSigningKey key = EspSigningKey.Load(keyPath);
        StringAssert.Contains(keyOut, key.DigestHex);
        string output = temp.File("signed.bin");
        var (code, _, error) = Cli.Run("image", "sign", "--key", keyPath, RepositoryPaths.Vector("esp32-app-minimal.bin"), "-o", output);
        Assert.AreEqual(0, code, error);

        byte[] ours = File.ReadAllBytes(output);
        byte[] theirs = Signed;
        Assert.AreEqual(theirs.Length, ours.Length, "image + 0xFF to 4096 + one 4096-byte sector");
        CollectionAssert.AreEqual(theirs.AsSpan(0, Sector).ToArray(), ours.AsSpan(0, Sector).ToArray(), "the image part, padding included");
        Assert.AreEqual(0xE7, ours[Sector]);
        Assert.AreEqual(0x02, ours[Sector + 1]);
        Assert.AreEqual(0, ours[Sector + 2] | ours[Sector + 3], "reserved");
        CollectionAssert.AreEqual(theirs.AsSpan(Sector + 4, 32).ToArray(), ours.AsSpan(Sector + 4, 32).ToArray(), "image digest");
        CollectionAssert.AreEqual(key.Fields, ours.AsSpan(Sector + 36, SignatureFormat.KeyLength).ToArray(), "n, e, R² mod n, m′");
        // The Montgomery constants, from their definitions: R² mod n with R = 2^3072, and m′ · n ≡ -1 (mod 2^32).
        var n = new System.Numerics.BigInteger(ours.AsSpan(Sector + 36, 384), isUnsigned: true);
        var r2 = new System.Numerics.BigInteger(ours.AsSpan(Sector + 424, 384), isUnsigned: true);
        Assert.AreEqual(System.Numerics.BigInteger.ModPow(2, 6144, n), r2);
        uint m = LittleEndian.ReadUInt32(ours, Sector + 808);
        Assert.AreEqual(uint.MaxValue, unchecked(m * (uint)(n % (System.Numerics.BigInteger.One << 32))));
        Assert.AreEqual(65537u, LittleEndian.ReadUInt32(ours, Sector + 420));
        Assert.AreEqual(Crc32.Compute(ours, Sector, 1196), LittleEndian.ReadUInt32(ours, Sector + 1196), "CRC-32 of bytes 0-1195");
        for (int i = Sector + 1200; i < Sector + 1216; i++)
            Assert.AreEqual(0, ours[i], "padding");
        for (int i = Sector + 1216; i < ours.Length; i++)
            Assert.AreEqual(0xFF, ours[i], "after the block");

        // The signature verifies the way espsecure verifies (its key file, PSS, SHA-256, salt 32) ...
        var signature = ours.AsSpan(Sector + 812, 384).ToArray();
        Array.Reverse(signature);
        Assert.IsTrue(key.Rsa.VerifyHash(SHA256.HashData(ours.AsSpan(0, Sector)), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss));
        // ... and the way the module does (the key stored in the block, trusted by its digest).
        var (verifyCode, verifyOut, _) = Cli.Run("image", "verify", "--digest", key.DigestHex, output);
        Assert.AreEqual(0, verifyCode, verifyOut);

        // A second run with another key appends block 1 and keeps block 0 as it was.
        string keyB = temp.File("b.pem");
        File.WriteAllText(keyB, RsaBlockSigner.Second.Value.Key.PrivatePem());
        string twice = temp.File("twice.bin");
        Assert.AreEqual(0, Cli.Run("image", "sign", "--key", keyB, output, "-o", twice).Code);
        byte[] two = File.ReadAllBytes(twice);
        Assert.AreEqual(ours.Length, two.Length);
        CollectionAssert.AreEqual(ours.AsSpan(0, Sector + 1216).ToArray(), two.AsSpan(0, Sector + 1216).ToArray(), "block 0 kept");
        var (infoCode, info, _) = Cli.Run("image", "info", twice);
        Assert.AreEqual(0, infoCode);
        StringAssert.Contains(info, "Block 0: RSA-3072-PSS, CRC ok, signs this image, key digest " + key.DigestHex);
        StringAssert.Contains(info, "Block 1: RSA-3072-PSS, CRC ok, signs this image, key digest " + RsaBlockSigner.Second.Value.Key.DigestHex);
        var (verifyB, outB, _) = Cli.Run("image", "verify", "--key", keyB, twice);
        Assert.AreEqual(0, verifyB);
        StringAssert.Contains(outB, "an ESP32 checks block 0 only");
    }

    [TestMethod]
    public void AnUnsignedImageFailsVerifyAndSigningNeedsThePrivateKey()
    {
        var (code, _, error) = Cli.Run("image", "verify", "--key", Signing("key-A.pub.pem"), RepositoryPaths.Vector("esp32-app-minimal.bin"));
        Assert.AreEqual(1, code);
        StringAssert.Contains(error, "the image is not signed");
        using var temp = new OvmsOta.Tests.Host.Sim.TempFolder();
        var (signCode, _, signError) = Cli.Run("image", "sign", "--key", Signing("key-A.pub.pem"), RepositoryPaths.Vector("esp32-app-minimal.bin"), "-o", temp.File("x.bin"));
        Assert.AreEqual(1, signCode);
        StringAssert.Contains(signError, "signing needs the private key");
        Assert.IsFalse(File.Exists(temp.File("x.bin")));
    }
}

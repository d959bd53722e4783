using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Security.Cryptography;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.Bundle;
using OvmsOta.Signing;
using OvmsOta.Simulator;
using OvmsOta.Simulator.Bundles;
using OvmsOta.Simulator.Hashing;
using OvmsOta.Simulator.Signing;
using OvmsOta.Tests.Host.Sim;

namespace OvmsOta.Tests.Host.Signing;

/// <summary>
/// `ovmsota bundle sign` and `bundle info` with RSA-3072 keys: manifest.sig comes right after manifest.json, holds a
/// block over manifest.json's SHA-256 that .NET's RSA verifies, the parts are copied unchanged, a second key appends a
/// block, and `bundle info` shows each block's key digest and verdict.
/// </summary>
[TestClass]
public class BundleSignCommandTests
{
    [TestMethod]
    public void BundleSignAddsAVerifiedManifestSignatureAndBundleInfoShowsIt()
    {
        using var temp = new TempFolder();
        string bundle = Cli.MakeDemoBundle(temp);
        Assert.AreEqual(0, Cli.Run("keygen", "-o", temp.File("a.pem")).Code);
        Assert.AreEqual(0, Cli.Run("keygen", "-o", temp.File("b.pem")).Code);
        using EspSigningKey a = EspSigningKey.Load(temp.File("a.pem"));
        using EspSigningKey b = EspSigningKey.Load(temp.File("b.pem"));

        var unsignedInfo = Cli.Run("bundle", "info", bundle);
        StringAssert.Contains(unsignedInfo.Output, "Manifest signature: none (no manifest.sig)");

        var (code, output, error) = Cli.Run("bundle", "sign", "--key", temp.File("a.pem"), bundle, "-o", temp.File("signed.zip"));
        Assert.AreEqual(0, code, error);
        StringAssert.Contains(output, "with key " + a.DigestHex + "; manifest.sig has 1 block(s)");

        using (var zip = ZipFile.OpenRead(temp.File("signed.zip")))
        {
            CollectionAssert.AreEqual(new[] { "manifest.json", "manifest.sig", "app.bin", "deploy.bin" }, zip.Entries.Select(e => e.FullName).ToArray());
            Assert.IsTrue(zip.Entries.All(e => e.CompressedLength == e.Length), "every entry stored");
            byte[] manifest = Cli.Entry(zip, "manifest.json");
            byte[] signature = Cli.Entry(zip, "manifest.sig");
            Assert.AreEqual(SignatureFormat.BlockSize, signature.Length);
            SignatureBlock block = SignatureBlock.Read(signature, 0, 0, new HostSha256());
            Assert.IsTrue(block.IsWellFormed);
            Assert.IsTrue(block.Signs(SHA256.HashData(manifest)), "the block signs manifest.json's SHA-256");
            CollectionAssert.AreEqual(a.Digest, block.KeyDigest);
            Assert.IsTrue(new HostRsaVerifier().Verify(signature, 0, SHA256.HashData(manifest)));
            using var original = ZipFile.OpenRead(bundle);
            foreach (string name in new[] { "manifest.json", "app.bin", "deploy.bin" })
                CollectionAssert.AreEqual(Cli.Entry(original, name), Cli.Entry(zip, name), name + " copied unchanged");
        }

        var info = Cli.Run("bundle", "info", temp.File("signed.zip"));
        Assert.AreEqual(0, info.Code, info.Output);
        StringAssert.Contains(info.Output, "Block 0: CRC ok, key digest " + a.DigestHex + ", verified");
        StringAssert.Contains(info.Output, "Valid bundle");

        Assert.AreEqual(0, Cli.Run("bundle", "sign", "--key", temp.File("b.pem"), temp.File("signed.zip"), "-o", temp.File("twice.zip")).Code);
        var twice = Cli.Run("bundle", "info", temp.File("twice.zip"));
        StringAssert.Contains(twice.Output, "Block 0: CRC ok, key digest " + a.DigestHex + ", verified");
        StringAssert.Contains(twice.Output, "Block 1: CRC ok, key digest " + b.DigestHex + ", verified");
    }

    [TestMethod]
    public void BundleSignRefusesAPublicKeyAndAnInvalidBundle()
    {
        using var temp = new TempFolder();
        string bundle = Cli.MakeDemoBundle(temp);
        var publicKey = Cli.Run("bundle", "sign", "--key", RepositoryPaths.Vector(Path.Combine("signing", "key-A.pub.pem")), bundle, "-o", temp.File("x.zip"));
        Assert.AreEqual(1, publicKey.Code);
        StringAssert.Contains(publicKey.Error, "signing needs the private key");
        Assert.AreEqual(0, Cli.Run("keygen", "-o", temp.File("a.pem")).Code);
        File.WriteAllBytes(temp.File("bad.zip"), new byte[] { 1, 2, 3 });
        var bad = Cli.Run("bundle", "sign", "--key", temp.File("a.pem"), temp.File("bad.zip"), "-o", temp.File("y.zip"));
        Assert.AreEqual(1, bad.Code);
        StringAssert.Contains(bad.Error, "is not a valid bundle");
        Assert.IsFalse(File.Exists(temp.File("x.zip")) || File.Exists(temp.File("y.zip")));
    }
}

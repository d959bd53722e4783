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
        string bundle = MakeBundle(temp);
        Assert.AreEqual(0, Run("keygen", "-o", temp.File("a.pem")).Code);
        Assert.AreEqual(0, Run("keygen", "-o", temp.File("b.pem")).Code);
        using EspSigningKey a = EspSigningKey.Load(temp.File("a.pem"));
        using EspSigningKey b = EspSigningKey.Load(temp.File("b.pem"));

        var unsignedInfo = Run("bundle", "info", bundle);
        StringAssert.Contains(unsignedInfo.Output, "Manifest signature: none (no manifest.sig)");

        var (code, output, error) = Run("bundle", "sign", "--key", temp.File("a.pem"), bundle, "-o", temp.File("signed.zip"));
        Assert.AreEqual(0, code, error);
        StringAssert.Contains(output, "with key " + a.DigestHex + "; manifest.sig has 1 block(s)");

        using (var zip = ZipFile.OpenRead(temp.File("signed.zip")))
        {
            CollectionAssert.AreEqual(new[] { "manifest.json", "manifest.sig", "app.bin", "deploy.bin" }, zip.Entries.Select(e => e.FullName).ToArray());
            Assert.IsTrue(zip.Entries.All(e => e.CompressedLength == e.Length), "every entry stored");
            byte[] manifest = Read(zip, "manifest.json");
            byte[] signature = Read(zip, "manifest.sig");
            Assert.AreEqual(SignatureFormat.BlockSize, signature.Length);
            SignatureBlock block = SignatureBlock.Read(signature, 0, 0, new HostSha256());
            Assert.IsTrue(block.IsWellFormed);
            Assert.IsTrue(block.Signs(SHA256.HashData(manifest)), "the block signs manifest.json's SHA-256");
            CollectionAssert.AreEqual(a.Digest, block.KeyDigest);
            Assert.IsTrue(new HostRsaVerifier().Verify(signature, 0, SHA256.HashData(manifest)));
            using var original = ZipFile.OpenRead(bundle);
            foreach (string name in new[] { "manifest.json", "app.bin", "deploy.bin" })
                CollectionAssert.AreEqual(Read(original, name), Read(zip, name), name + " copied unchanged");
        }

        var info = Run("bundle", "info", temp.File("signed.zip"));
        Assert.AreEqual(0, info.Code, info.Output);
        StringAssert.Contains(info.Output, "Block 0: CRC ok, key digest " + a.DigestHex + ", verified");
        StringAssert.Contains(info.Output, "Valid bundle");

        Assert.AreEqual(0, Run("bundle", "sign", "--key", temp.File("b.pem"), temp.File("signed.zip"), "-o", temp.File("twice.zip")).Code);
        var twice = Run("bundle", "info", temp.File("twice.zip"));
        StringAssert.Contains(twice.Output, "Block 0: CRC ok, key digest " + a.DigestHex + ", verified");
        StringAssert.Contains(twice.Output, "Block 1: CRC ok, key digest " + b.DigestHex + ", verified");
    }

    [TestMethod]
    public void BundleSignRefusesAPublicKeyAndAnInvalidBundle()
    {
        using var temp = new TempFolder();
        string bundle = MakeBundle(temp);
        var publicKey = Run("bundle", "sign", "--key", RepositoryPaths.Vector(Path.Combine("signing", "key-A.pub.pem")), bundle, "-o", temp.File("x.zip"));
        Assert.AreEqual(1, publicKey.Code);
        StringAssert.Contains(publicKey.Error, "signing needs the private key");
        Assert.AreEqual(0, Run("keygen", "-o", temp.File("a.pem")).Code);
        File.WriteAllBytes(temp.File("bad.zip"), new byte[] { 1, 2, 3 });
        var bad = Run("bundle", "sign", "--key", temp.File("a.pem"), temp.File("bad.zip"), "-o", temp.File("y.zip"));
        Assert.AreEqual(1, bad.Code);
        StringAssert.Contains(bad.Error, "is not a valid bundle");
        Assert.IsFalse(File.Exists(temp.File("x.zip")) || File.Exists(temp.File("y.zip")));
    }

    static string MakeBundle(TempFolder temp)
    {
        Assert.AreEqual(0, Run("bundle", "demo", temp.Path).Code);
        var made = Run("bundle", "make", "--app", temp.File("NANOCLR.bin"), "--deploy", temp.File("DEPLOY.bin"), "--version", "3.3.006-1-gdemo",
            "--native", "OvmsOta.Native=0x5EED0A17", "-o", temp.File("fw.zip"));
        Assert.AreEqual(0, made.Code, made.Error);
        return temp.File("fw.zip");
    }

    static byte[] Read(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        int code = Program.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}

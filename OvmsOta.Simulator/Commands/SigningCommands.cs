using System.CommandLine;
using OvmsOta.Image;
using OvmsOta.Signing;
using OvmsOta.Simulator.Signing;

namespace OvmsOta.Simulator.Commands;

/// <summary>
/// `ovmsota image sign|verify` and `ovmsota keygen`: Secure Boot V2 (RSA-3072-PSS) signatures as espsecure makes and
/// checks them, verified the way the module does (the key stored in the block, trusted by its digest).
/// </summary>
public static class SigningCommands
{
    public static Command Sign(TextWriter output, TextWriter error)
    {
        var key = new Option<string>("--key") { Description = "private key PEM (RSA-3072, as espsecure generate-signing-key writes)", Required = true };
        var input = new Argument<string>("file") { Description = "app image (.bin) to sign; an already signed one gets another block" };
        var outFile = new Option<string>("--out", "-o") { Description = "signed image to write", Required = true };
        var sign = new Command("sign", "Append a Secure Boot V2 RSA-3072-PSS signature block (espsecure sign-data --version 2)");
        sign.Arguments.Add(input);
        sign.Options.Add(key);
        sign.Options.Add(outFile);
        sign.SetAction(parse =>
        {
            string path = parse.GetValue(input)!;
            try
            {
                using EspSigningKey signer = EspSigningKey.Load(parse.GetValue(key)!);
                SignedFile file = SignedFile.Parse(File.ReadAllBytes(path));
                byte[] signed = ImageSigner.Sign(file, signer);
                File.WriteAllBytes(parse.GetValue(outFile)!, signed);
                int blocks = file.Blocks.Count(b => b.IsWellFormed) + 1;
                output.WriteLine($"Signed {file.SectorOffset} bytes of {path} with key {signer.DigestHex}; the signature sector has {blocks} block(s); wrote {parse.GetValue(outFile)} ({signed.Length} bytes)");
                return 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or InvalidOperationException or ImageException)
            {
                return Fail(error, $"image sign: {e.Message}");
            }
        });
        return sign;
    }

    public static Command Verify(TextWriter output, TextWriter error)
    {
        var key = new Option<string>("--key") { Description = "public (or private) key PEM to verify with" };
        var digest = new Option<string>("--digest") { Description = "key digest, 64 hex digits (as ota signing.keys holds it)" };
        var input = new Argument<string>("file") { Description = "signed app image" };
        var verify = new Command("verify", "Exit 0 when a block is signed with that key and verifies with it (the key stored in the block), else 1 with the reason");
        verify.Arguments.Add(input);
        verify.Options.Add(key);
        verify.Options.Add(digest);
        verify.SetAction(parse =>
        {
            string path = parse.GetValue(input)!;
            string? keyPath = parse.GetValue(key);
            string? digestText = parse.GetValue(digest);
            if ((keyPath == null) == (digestText == null))
                return Fail(error, "image verify: give exactly one of --key PUB.pem or --digest HEX");
            try
            {
                byte[] trusted;
                if (keyPath != null)
                {
                    using EspSigningKey k = EspSigningKey.Load(keyPath);
                    trusted = k.Digest;
                }
                else
                    trusted = Digests.Parse(digestText!) ?? throw new InvalidDataException($"--digest {digestText}: expected 64 hex digits");
                SignedFile file = SignedFile.Parse(File.ReadAllBytes(path));
                SignatureReport.Write(output, file, trusted);
                string? reason = Refusal(file, trusted, out int verifiedBlock);
                if (reason != null)
                    return Fail(error, $"{path}: signature NOT verified: {reason}");
                output.WriteLine($"{path}: signature block {verifiedBlock} verified with key {Hex.Digest(trusted, 0, 32)}");
                if (verifiedBlock != 0)
                    output.WriteLine("Warning: an ESP32 checks block 0 only: a module trusting only this key refuses this image");
                return 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or ImageException)
            {
                return Fail(error, $"image verify: {e.Message}");
            }
        });
        return verify;
    }

    /// <summary>Null when a block with key digest trusted verifies (its index out); else why not.</summary>
    public static string? Refusal(SignedFile file, byte[] trusted, out int verifiedBlock)
    {
        verifiedBlock = -1;
        if (!file.HasSector)
            return SigningRefusal.Unsigned.Text + " (no signature sector)";
        if (file.Blocks.Count == 0)
            return SigningRefusal.Unsigned.Text + " (the signature sector holds no block)";
        string? reason = null;
        foreach (SignatureBlock block in file.Blocks)
        {
            string? why = !block.CrcValid ? SigningRefusal.BadCrc.Text
                : block.Version != SignatureFormat.VersionRsa ? SigningRefusal.UnsupportedBlock.Text
                : !block.Signs(file.ImagePartDigest) ? SigningRefusal.DigestMismatch.Text
                : !Digests.Equal(block.KeyDigest, 0, trusted, 0) ? SigningRefusal.UnknownKey.Text
                : !file.Verifies(block) ? SigningRefusal.BadSignature.Text
                : null;
            if (why == null)
            {
                verifiedBlock = block.Index;
                return null;
            }
            reason ??= $"block {block.Index}: {why}";
        }
        return reason;
    }

    public static Command Keygen(TextWriter output, TextWriter error)
    {
        var outFile = new Option<string>("--out", "-o") { Description = "private key PEM to write (refuses to overwrite)", Required = true };
        var keygen = new Command("keygen", "Make an RSA-3072 signing key (PEM, as espsecure generate-signing-key --version 2 --scheme rsa3072) and print its digest");
        keygen.Options.Add(outFile);
        keygen.SetAction(parse =>
        {
            string path = parse.GetValue(outFile)!;
            try
            {
                using EspSigningKey key = EspSigningKey.Generate();
                using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
                using (var writer = new StreamWriter(stream))
                    writer.Write(key.PrivatePem() + "\n");
                output.WriteLine($"Wrote {path}: RSA-3072 private key; key digest (ota signing.keys) {key.DigestHex}");
                output.WriteLine("Keep it secret; give modules only the digest (config set ota signing.keys " + key.DigestHex + ")");
                return 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Fail(error, $"keygen: cannot write {path}: {e.Message}");
            }
        });
        return keygen;
    }

    static int Fail(TextWriter error, string message)
    {
        error.WriteLine(message);
        return 1;
    }
}

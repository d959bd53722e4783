using System.Diagnostics;
using OvmsOta.Signing;
using OvmsOta.Simulation;
using OvmsOta.Simulator.Hashing;
using OvmsOta.Simulator.Signing;

namespace OvmsOta.Simulator.Benchmarks;

/// <summary>
/// How long the signature check of an update takes on the host: the RSA-3072-PSS verification alone (.NET's RSA, the
/// stored key imported each time, as the engine does), and the whole <see cref="SignatureCheck"/> of a signed 4 MB image
/// in flash (hashing the image part again, reading the sector, key digest, RSA). The device figure is an estimate.
/// </summary>
public sealed class SignatureVerifyBenchmark : IBenchmark
{
    private const int Rounds = 200;
    private const int ImageSize = 4 * 1024 * 1024;

    public string Name => "signature-verify";

    public string Description => "signature check of an update: RSA-3072-PSS verify and the whole check of a 4 MB signed image (host ms; device estimate)";

    public void Run(TextWriter output)
    {
        using EspSigningKey key = EspSigningKey.Generate();
        byte[] signed = ImageSigner.Sign(SignedFile.Parse(new ImageBuilder("3.3.006") { Size = ImageSize }.Build()), key);
        var file = SignedFile.Parse(signed);
        byte[] block = file.BlockBytes(0);
        var verifier = new HostRsaVerifier();

        double rsa = Median(() =>
        {
            if (!verifier.Verify(block, 0, file.ImagePartDigest))
                throw new InvalidOperationException("the benchmark's own signature does not verify");
        });
        var flash = new ArrayFlash(signed.Length + 0x10000);
        flash.Write(0, signed, 0, signed.Length);
        var policy = new SigningPolicy(KeyList.Parse(key.DigestHex), KeyList.Empty, true, 0);
        var check = new SignatureCheck(flash, new HostSha256(), verifier, new FixedSource(policy));
        var buffer = new byte[4096];
        double whole = Median(() =>
        {
            if (check.Check(0, file.Image.ImageLength, signed.Length, 0xE9, buffer) != null)
                throw new InvalidOperationException("unexpected note");
        }, 20);

        output.WriteLine($"{Name}: RSA-3072-PSS, SHA-256, e = 65537, median of {Rounds} (whole check: of 20)");
        output.WriteLine($"  RSA verify alone (host, .NET RSA)              {rsa,8:F3} ms");
        output.WriteLine($"  whole check, {ImageSize / (1024 * 1024)} MB image (host: SHA-256 of the image part + RSA) {whole,8:F1} ms");
        output.WriteLine("  ESP32 estimate (not measured): RSA with e = 65537 is 17 modular multiplications of 3072 bits; the ESP32's RSA");
        output.WriteLine("    unit does a 2048-bit one in 28 us at 160 MHz (esp32.io forum, topic 23830, 2021), so about 63 us at 3072");
        output.WriteLine("    bits (quadratic): ~1 ms of multiplications, a few ms with mbedtls's set-up; the SHA-256 of the image part");
        output.WriteLine("    dominates: one more pass over the image, as long as the read-back's hash (see device-time)");
    }

    private static double Median(Action action, int rounds = Rounds)
    {
        var times = new double[rounds];
        for (int i = 0; i < rounds; i++)
        {
            long start = Stopwatch.GetTimestamp();
            action();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(times);
        return times[rounds / 2];
    }

    private sealed class FixedSource(SigningPolicy policy) : ISigningPolicySource
    {
        public SigningPolicy Current => policy;
    }
}

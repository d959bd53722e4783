using OvmsOta.Engine;
using OvmsOta.Simulator.Compression;
using OvmsOta.UpdateServer;

namespace OvmsOta.Simulator.Benchmarks;

/// <summary>
/// Issue 18's figures: bytes over the air and modelled time of an update on a cellular link, today's way (one GET of
/// the plain image; a cut means the next attempt starts at byte 0) against ours (version first, Range resume after a
/// drop, the resume record after a power cut, the gzip copy). The payload is a real compiled binary of firmware size
/// (the .NET runtime's libclrjit.so, x86-64 machine code, 4.5 MB); the demo images are random and would not compress.
/// Nothing is timed: the link is a model (<see cref="ModemLink"/>).
/// </summary>
public sealed class CellularBenchmark : IBenchmark
{
    const string Url = "http://updates.test/v3.3-5/main/ovms3.bin";

    static readonly (string Name, double BytesPerSecond, int RoundTripMilliseconds)[] Links =
    {
        ("4G modem", 80_000, 150),   // SIM7600 behind a 921,600 baud UART (PPP), as on OVMS modules
        ("2G", 5_000, 700),          // GPRS-class
    };

    public string Name => "cellular";

    public string Description => "bytes over the air and modelled time of an update on a modem link: cuts at 50 / 90 %, resume, gzip (issue 18)";

    public void Run(TextWriter output)
    {
        (string source, byte[] image) = Payload();
        byte[] gz = Gzip.Compress(image);
        output.WriteLine($"{Name}: payload {source}, {image.Length:N0} B; gzip (smallest) {gz.Length:N0} B = {100.0 * gz.Length / image.Length:F1} %");
        output.WriteLine($"  today: one GET of ovms3.bin; after a cut the next attempt fetches it again from byte 0");
        output.WriteLine($"  ours: bytes 0-287 first, then the rest (Range) or ovms3.bin.gz; a drop resumes by Range after a 2 s backoff;");
        output.WriteLine($"        a power cut resumes from the record (saved every {ResumeRecord.DefaultInterval / 1024} KB), bytes re-verified from flash");
        output.WriteLine($"  a drop is noticed after the {HttpFetcher.DefaultStallTimeoutMilliseconds / 1000} s stall timeout; a request costs 2 round trips; "
            + "the cut is at the % of what travels (the .gz when compressed)");
        var cases = new (string Name, int Cut, bool PowerCut)[]
        {
            ("full update", 0, false),
            ("link drop at 50 %", 50, false),
            ("link drop at 90 %", 90, false),
            ("power cut at 50 %", 50, true),
            ("power cut at 90 %", 90, true),
        };
        foreach (var link in Links)
        {
            output.WriteLine($"  {link.Name}: {link.BytesPerSecond / 1000:F0} KB/s, {link.RoundTripMilliseconds} ms round trip");
            output.WriteLine($"    {"case",-20} {"today B",11} {"s",7}   {"ours plain B",12} {"s",7} {"saving",7}   {"ours gzip B",12} {"s",7} {"saving",7}");
            foreach (var c in cases)
            {
                Outcome today = Today(image, link, c.Cut);
                Outcome plain = Ours(image, null, link, c.Cut, c.PowerCut);
                Outcome packed = Ours(image, gz, link, c.Cut, c.PowerCut);
                output.WriteLine($"    {c.Name,-20} {today.Bytes,11:N0} {today.Seconds,7:F0}   {plain.Bytes,12:N0} {plain.Seconds,7:F0} "
                    + $"{Ratio(today, plain),7}   {packed.Bytes,12:N0} {packed.Seconds,7:F0} {Ratio(today, packed),7}");
            }
        }
        output.WriteLine("  saving = today's bytes / ours (x); seconds are the link alone (flash time: bench device-time); the per-request");
        output.WriteLine("  limit is raised to 4 h on both sides (the engine's 15 min would stop a 2G download of this size)");
    }

    static string Ratio(Outcome today, Outcome ours) => (today.Bytes / (double)ours.Bytes).ToString("F2") + " x";

    sealed record Outcome(long Bytes, int Requests, double Seconds);

    static Outcome Today(byte[] image, (string Name, double BytesPerSecond, int RoundTripMilliseconds) link, int cut)
    {
        var modem = new ModemLink(link.BytesPerSecond, link.RoundTripMilliseconds);
        modem.Put(Url, image);
        if (cut > 0)
            modem.DropAt(image.Length * cut / 100);
        var fetcher = Fetcher(modem);
        var sink = new MemorySink();
        try
        {
            fetcher.Download(Url, new byte[4096], sink);
        }
        catch (DownloadException)
        {
            fetcher.Download(Url, new byte[4096], sink);
        }
        return new Outcome(modem.BytesOverAir, modem.Requests, modem.Milliseconds / 1000.0);
    }

    static Outcome Ours(byte[] image, byte[]? gz, (string Name, double BytesPerSecond, int RoundTripMilliseconds) link, int cut, bool powerCut)
    {
        var modem = new ModemLink(link.BytesPerSecond, link.RoundTripMilliseconds);
        modem.Put(Url, image);
        if (gz != null)
            modem.Put(Url + ResumableDownload.CompressedSuffix, gz);
        var download = new ResumableDownload(Fetcher(modem), gz != null ? new ZlibDeflateDecoder() : null);
        var sink = new MemorySink();
        if (cut > 0)
            modem.DropAt((gz ?? image).Length * cut / 100);
        if (powerCut)
        {
            download.MaximumRetries = 0;
            try
            {
                download.Download(Url, new byte[4096], sink);
                throw new InvalidOperationException("the cut did not happen");
            }
            catch (DownloadException)
            {
            }
            // What the record covers at the cut, as the install run saves it; the rest of the sector is fetched again.
            sink.KeepAfterRestart(sink.Held / ResumeRecord.DefaultInterval * ResumeRecord.DefaultInterval);
            download.MaximumRetries = ResumableDownload.DefaultMaximumRetries;
        }
        download.Download(Url, new byte[4096], sink);
        if (!sink.Holds(image))
            throw new InvalidOperationException("the benchmark's download did not end with the image");
        return new Outcome(modem.BytesOverAir, modem.Requests, modem.Milliseconds / 1000.0);
    }

    /// <summary>The engine's fetcher, with room for a whole image at 2G speed (its 15-minute limit per request would cut it).</summary>
    static HttpFetcher Fetcher(ModemLink modem) => new(modem, modem, "bench") { OverallTimeoutMilliseconds = 4 * 3600 * 1000 };

    /// <summary>libclrjit.so of the running .NET (native code of firmware size), else the largest .so beside it.</summary>
    static (string, byte[]) Payload()
    {
        string runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        string preferred = Path.Combine(runtime, "libclrjit.so");
        string path = File.Exists(preferred) ? preferred
            : Directory.GetFiles(runtime).OrderByDescending(f => new FileInfo(f).Length).First();
        return (path, File.ReadAllBytes(path));
    }

    /// <summary>A resumable sink in memory that can keep a prefix across a simulated restart, as the slot does.</summary>
    sealed class MemorySink : IResumableSink
    {
        byte[] _data = Array.Empty<byte>();
        int _keep;

        public int Held { get; private set; }

        public void KeepAfterRestart(int bytes) => _keep = bytes;

        public bool Holds(byte[] image) => Held == image.Length && _data.AsSpan(0, Held).SequenceEqual(image);

        public int Open(ImageIdentity identity, byte[] head, int headLength)
        {
            if (_data.Length != identity.Length)
            {
                _data = new byte[identity.Length];
                _keep = 0;
            }
            Held = headLength > 0 ? _keep : 0;
            _keep = 0;
            return Held;
        }

        public void Restart(string reason)
        {
            Held = 0;
            _keep = 0;
        }

        public void Begin(int expectedLength)
        {
            _data = new byte[expectedLength];
            Held = 0;
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            Array.Copy(buffer, offset, _data, Held, count);
            Held += count;
        }

        public void Complete() { }

        public void Fail(string reason) { }
    }
}

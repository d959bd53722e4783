using System.Text;
using FsCheck;
using FsCheck.Fluent;
using OvmsOta.Engine;
using OvmsOta.Module;
using OvmsOta.OtaData;
using OvmsOta.Partitions;
using OvmsOta.Ports;
using OvmsOta.Shell;
using OvmsOta.Simulation;
using OvmsOta.Simulator.Module;

namespace OvmsOta.Simulator.Fuzz.Targets;

/// <summary>
/// Shell lines on a simulated module (v3-35, ota_0 running, an older image in ota_1, an update server that refuses to
/// connect): OtaShell.Execute must never throw, only print. A line the shell does not recognise changes no flash.
/// Input: up to 4 lines, run in order on one fresh module.
/// </summary>
public sealed class ShellTarget : FuzzTarget
{
    const int MaxLines = 4;
    static readonly byte[] RunningImage = new ImageBuilder("3.3.005-925-g3e67d4e6d").Build();
    static readonly byte[] OtherImage = new ImageBuilder("3.3.004").Build();

    static readonly string[] Words =
    [
        "ota", "config", " ", "  ", "\t", "status", "nocheck", "flash", "http", "vfs", "auto", "force", "boot", "erase", "copy", "partitions",
        "list", "upgrade", "commit", "revert", "ota_0", "ota_1", "factory", "set", "get", "rm", "server", "tag", "commit.timeout", "push.secret",
        "auto.hour", "yes", "no", "http://a.example/x.bin", "/sd/x.bin", "\"", "x",
    ];

    public override string Name => "shell";
    public override string Description => "shell lines (OtaShell.Execute via OtaModule on a simulated module: only prints, never throws)";
    public override Type[] AllowedErrors => [];
    public override int MaxInputLength => 1024;

    public override IReadOnlyList<byte[]> Seeds() => new[]
    {
        "ota status", "ota status nocheck\nota partitions list", "ota boot ota_1\nota", "config set ota tag edge\nconfig list ota",
        "ota flash http http://a.example/ovms3.bin", "ota erase ota_1\nota copy ota_0 ota_1", "ota commit\nota revert", "ota flash auto force",
    }.Select(FuzzSeeds.Text).ToList();

    public override Gen<string>? Grammar => TextGrammar.Lines(TextGrammar.Tokens(Words, 8), MaxLines, ["\n"]);

    public override void Execute(byte[] input)
    {
        var (flash, table) = FuzzFlash.WithTable(FuzzFlash.ModernTable);
        PartitionEntry running = table.OtaSlot(0)!, other = table.OtaSlot(1)!;
        flash.Write(running.Offset, RunningImage, 0, RunningImage.Length);
        flash.Write(other.Offset, OtherImage, 0, OtherImage.Length);
        var module = new OtaModule(Platform(flash));
        foreach (string line in Encoding.UTF8.GetString(input).Split('\n').Take(MaxLines))
        {
            var output = new ShellTranscript();
            var guard = new FlashGuard(flash, 0, 0x10000); // the table and otadata; the counters watch the rest
            module.Execute(line, output);
            string[] lines = output.Lines;
            if (lines.Length > 0 && (lines[0] == OtaShell.UnrecognisedText || lines[0] == OtaShell.SubcommandRequiredText || lines[0].StartsWith("Usage:")))
                guard.AssertUnchanged("the unrecognised line \"" + line + "\"");
        }
    }

    static OtaPlatform Platform(SimulatedFlash flash)
    {
        var clock = new SimClock(isVirtual: true, new DateTime(2026, 1, 1, 12, 0, 0));
        return new OtaPlatform
        {
            Flash = flash,
            RunningPartition = "ota_0",
            Sha256 = new HostSha256(),
            Http = new ScriptedTransport([]),
            MonotonicClock = clock,
            WallClock = clock,
            Network = new SimNetwork(),
            Hardware = new HardwareInfo("OVMS WIFI BLE BT cores=2 rev=ESP32/3", "3.1", 3),
            Firmware = new FirmwareIdentity("3.3.005-925-g3e67d4e6d", "v3.3.4", "Jan  1 2025", "12:00:00"),
            Reboot = new NoReboot(),
            Background = new InlineRunner(),
        };
    }

    sealed class NoReboot : IReboot
    {
        public void Reboot(string reason) { }
    }
}

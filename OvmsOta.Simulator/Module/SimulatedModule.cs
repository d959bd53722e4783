using OvmsOta.Boot;
using OvmsOta.Config;
using OvmsOta.Flash;
using OvmsOta.Image;
using OvmsOta.Partitions;
using OvmsOta.Server.Push;
using OvmsOta.Shell;
using OvmsOta.Simulator.Net;

namespace OvmsOta.Simulator.Module;

/// <summary>
/// One OVMS module on a desk: the flash file, the bootloader model (rollback off, as on deployed modules),
/// the engine built from host bindings, and the commit watchdog. A reset does what a real one does: the
/// engine is dropped, the bootloader model picks the app from what is in flash, a new engine comes up on it
/// and the watchdog settles the boot. Everything that touches the engine goes through <see cref="Gate"/>,
/// since the shell, the push listener and the watchdog ticker may run on different threads.
/// </summary>
public sealed class SimulatedModule : IDisposable
{
    /// <summary>What OVMS reports as hardware; with chip revision 3 the product is v3.3 (-5 on the v3-35 layout).</summary>
    const string HardwareText = "OVMS WIFI BLE BT cores=2 rev=ESP32/3";

    readonly FlashImageFile _file;
    readonly SynchronizedFlash _flash;
    readonly SimClock _clock;
    readonly HttpClientTransport _http = new();
    readonly bool _scripted;
    readonly byte[] _pushBuffer = new byte[PushEndpoint.DefaultBufferSize];

    public SimulatedModule(FlashImageFile file, SimClock clock, bool scripted)
    {
        _file = file;
        _flash = new SynchronizedFlash(file.Flash);
        _clock = clock;
        _scripted = scripted;
    }

    public object Gate { get; } = new();

    /// <summary>The strict simulated flash over the file (its counters say what was written).</summary>
    public SimulatedFlash RawFlash => _file.Flash;

    /// <summary>What the engine, the bootloader model and the watchdog use: one operation at a time.</summary>
    public IFlash Flash => _flash;

    public SimClock Clock => _clock;

    public OtaEngine Engine { get; private set; } = null!;

    public CommitWatchdog Watchdog { get; private set; } = null!;

    public BootResult LastBoot { get; private set; } = null!;

    /// <summary>The version of the running image.</summary>
    public string RunningVersion { get; private set; } = "";

    /// <summary>Powers up: bootloader model, engine, watchdog. Returns the lines a console would show.</summary>
    public IReadOnlyList<string> PowerOn()
    {
        lock (Gate)
        {
            var lines = new List<string>();
            // A reset may come from the watchdog itself; each turn is one boot, and a boot reboots at most once.
            for (int boots = 0; boots < 3; boots++)
            {
                try
                {
                    BootOnce(lines);
                    return lines;
                }
                catch (ModuleRebootException e)
                {
                    lines.Add("Rebooting: " + e.Message);
                }
            }
            throw new InvalidOperationException("the module rebooted three times in a row while starting; giving up");
        }
    }

    void BootOnce(List<string> lines)
    {
        RawFlash.Reboot();
        PartitionTable table = PartitionTable.ReadFrom(Flash, PartitionTable.DefaultOffset);
        var images = new FlashImageCheck(Flash, new ImageValidator(), new byte[FlashGeometry.SectorSize]);
        LastBoot = new BootloaderModel(Flash, table, images, rollbackEnabled: false).Boot();
        if (!LastBoot.Booted)
            throw new ModuleDeadException("The bootloader found no bootable image: " + LastBoot.Reason);
        PartitionEntry running = LastBoot.Partition;
        byte[] buffer = new byte[FlashGeometry.SectorSize];
        RunningVersion = OvmsVersionReader.Read(Flash, running.Offset, running.Size, buffer) ?? "unknown";
        Flash.Read(running.Offset + ImageFormat.AppDescriptionOffset, buffer, 0, ImageFormat.AppDescriptionSize);
        AppDescription app = AppDescription.Parse(buffer, 0);

        Engine = new OtaEngine(new OtaPlatform
        {
            Flash = Flash,
            RunningPartition = running.Label,
            Http = _http,
            MonotonicClock = new HostMonotonicClock(),
            WallClock = _clock,
            Network = new SimNetwork(),
            Hardware = new HardwareInfo(HardwareText, OvmsOta.Server.OvmsProduct.Hardware31, 3),
            Firmware = new FirmwareIdentity(RunningVersion, app.IdfVersion, app.Date, app.Time),
            Background = _scripted ? new InlineRunner() : null,
        });
        lines.Add("Booted " + running.Label + ": " + RunningVersion + " (bootloader: " + LastBoot.Reason + ")");
        Watchdog = new CommitWatchdog(Flash, table, images, running, _clock, new ModuleReboot(), null,
            Engine.Config.CommitTimeoutSeconds * 1000);
        string? note = Watchdog.Start();
        if (note != null)
            lines.Add(note);
        if (Watchdog.IsOnTrial)
            lines.Add(Watchdog.Status + ": \"ota commit\" keeps it");
    }

    /// <summary>Runs one shell line on the engine (`ota commit` / `ota revert` go to the watchdog).</summary>
    public void Execute(string line, IShellOutput output)
    {
        lock (Gate)
        {
            string[] words = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 2 && words[0] == "ota" && words[1] == "commit")
            {
                output.WriteLine(Watchdog.Commit() ? "Committed: " + Watchdog.Note : "Nothing to commit: " + Watchdog.Status);
                return;
            }
            if (words.Length == 2 && words[0] == "ota" && words[1] == "revert")
            {
                if (!Watchdog.IsOnTrial)
                {
                    output.WriteLine("Error: nothing to revert: " + Watchdog.Status);
                    return;
                }
                Watchdog.Revert();
                return;
            }
            Engine.Execute(line, output);
            if (words.Length >= 2 && words[0] == "ota" && words[1] == "status" || words.Length == 1 && words[0] == "ota")
                output.WriteLine("Trial:             " + Watchdog.Status);
        }
    }

    /// <summary>The watchdog's periodic check; throws <see cref="ModuleRebootException"/> when it rolls back.</summary>
    public void Tick()
    {
        lock (Gate)
            Watchdog.Tick();
    }

    /// <summary>Sets a config value as `config set` would (the simulator's own set-up: server, push secret).</summary>
    public void Configure(string instance, string value)
    {
        lock (Gate)
        {
            if (Engine.ConfigStore.Stored(ConfigParams.Ota, instance) != value)
                Engine.ConfigStore.Set(ConfigParams.Ota, instance, value);
        }
    }

    /// <summary>
    /// One HTTP connection to the push endpoint, with the running engine's flash lock, updater and secret. It does not
    /// hold <see cref="Gate"/>: a shell flash at the same time must meet the flash lock (409), not wait.
    /// </summary>
    public int ServePush(Stream connection)
    {
        OtaEngine engine;
        lock (Gate)
            engine = Engine;
        return EnginePushTarget.Endpoint(engine, _pushBuffer).Handle(connection);
    }

    public void Dispose()
    {
        _http.Dispose();
        _file.Dispose();
    }
}

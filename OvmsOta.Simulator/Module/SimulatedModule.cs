using OvmsOta.Boot;
using OvmsOta.Config;
using OvmsOta.Engine;
using OvmsOta.Flash;
using OvmsOta.Image;
using OvmsOta.Module;
using OvmsOta.Partitions;
using OvmsOta.Ports;
using OvmsOta.Push;
using OvmsOta.Shell;
using OvmsOta.Simulation;
using OvmsOta.Simulator.Bundles;
using OvmsOta.Simulator.Hashing;
using OvmsOta.Simulator.Json;
using OvmsOta.Simulator.Net;
using OvmsOta.UpdateServer;

namespace OvmsOta.Simulator.Module;

/// <summary>
/// One OVMS module on a desk: the flash file, the bootloader model (rollback off, as on deployed modules),
/// the engine built from host bindings, and the commit watchdog. A reset does what a real one does: the
/// engine is dropped, the bootloader model picks the app from what is in flash, a new engine comes up on it
/// and the watchdog settles the boot. The old engine's flash view ends with the reset (<see cref="SynchronizedFlash.ForNewBoot"/>),
/// so a push, a background update or a config store of the old engine can no longer write. The shell and the watchdog
/// ticker go through <see cref="Gate"/>; the push listener does not (it meets the engine's flash lock instead).
/// </summary>
public sealed class SimulatedModule : IDisposable
{
    /// <summary>What OVMS reports as hardware; with chip revision 3 the product is v3.3 (-5 on the v3-35 layout).</summary>
    const string HardwareText = "OVMS WIFI BLE BT cores=2 rev=ESP32/3";
    /// <summary>OVMS's ticker.600, which runs the nightly update check.</summary>
    const long TickerMilliseconds = 600_000;

    readonly FlashImageFile _file;
    readonly SynchronizedFlash _flash;
    readonly SimClock _clock;
    readonly HttpClientTransport _http = new();
    readonly IBackgroundRunner _background;
    readonly ConsoleLog? _log;
    long _lastTicker;
    readonly byte[] _pushBuffer = new byte[PushEndpoint.DefaultBufferSize];
    readonly Action<string>? _rebootConsole;

    /// <summary>reboot: how a restart asked for by a background job (automatic update) reaches the console; null when scripted.</summary>
    /// <param name="log">where the engine's log and notifications go (the console); null: nowhere</param>
    public SimulatedModule(FlashImageFile file, SimClock clock, bool scripted, Action<string>? reboot = null, TextWriter? log = null)
    {
        _log = log == null ? null : new ConsoleLog(log, clock);
        _background = scripted || reboot == null ? new InlineRunner() : new SimBackgroundRunner(reboot);
        _rebootConsole = reboot;
        _file = file;
        _flash = new SynchronizedFlash(file.Flash);
        _clock = clock;
        Files = new FolderFiles(Path.GetDirectoryName(Path.GetFullPath(file.Path))!);
    }

    static readonly SystemTextJsonCodec Json = new();

    /// <summary>The module's /sd and /store: folders beside the flash file.</summary>
    public FolderFiles Files { get; }

    public object Gate { get; } = new();

    /// <summary>The strict simulated flash over the file (its counters say what was written).</summary>
    public SimulatedFlash RawFlash => _file.Flash;

    /// <summary>What the engine, the bootloader model and the watchdog use: one operation at a time.</summary>
    public IFlash Flash => _flash;

    public SimClock Clock => _clock;

    volatile OtaModule _module = null!;

    /// <summary>The engine of the current boot (a push reads it without <see cref="Gate"/>).</summary>
    public OtaModule Module => _module;

    /// <summary>The engine's commit watchdog (null only if the engine could not tell the running partition).</summary>
    public CommitWatchdog? Watchdog => Module.Engine.Trial.Watchdog;

    public BootResult LastBoot { get; private set; } = null!;

    /// <summary>The version of the running image.</summary>
    public string RunningVersion { get; private set; } = "";

    /// <summary>Powers up: bootloader model, engine, watchdog. Returns the lines a console would show; print, when given,
    /// gets each as it happens (so they interleave rightly with the engine's log).</summary>
    public IReadOnlyList<string> PowerOn(Action<string>? print = null)
    {
        lock (Gate)
        {
            var lines = new BootLines(print);
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

    void BootOnce(BootLines lines)
    {
        IFlash engineFlash = _flash.ForNewBoot(); // the previous engine's accesses fail from here on
        RawFlash.Reboot();
        PartitionTable table;
        try
        {
            table = PartitionTable.ReadFrom(Flash, PartitionTable.DefaultOffset);
        }
        catch (PartitionTableException e)
        {
            // The real second-stage bootloader stops here too: nothing boots without a valid table.
            throw new ModuleDeadException("The bootloader found no valid partition table at 0x8000: " + e.Message);
        }
        var images = new SlotImageCheck(Flash, HostDigests.Validator(), new byte[FlashGeometry.SectorSize]);
        // The device layout is provisioned with a rollback-on bootloader (OvmsOta.Firmware/README.md); OVMS's layouts keep theirs.
        bool device = table.Find("deploy_0") != null;
        LastBoot = new BootloaderModel(Flash, table, images, rollbackEnabled: device).Boot();
        if (!LastBoot.Booted)
            throw new ModuleDeadException("The bootloader found no bootable image: " + LastBoot.Reason);
        PartitionEntry running = LastBoot.Partition;
        byte[] buffer = new byte[FlashGeometry.SectorSize];
        RunningVersion = OvmsVersionReader.Read(Flash, running.Offset, running.Size, buffer) ?? "unknown";
        Flash.Read(running.Offset + ImageFormat.AppDescriptionOffset, buffer, 0, ImageFormat.AppDescriptionSize);
        AppDescription app = AppDescription.Parse(buffer, 0);
        PartitionEntry? deploy = device ? table.Find("deploy_" + running.OtaIndex) : null;
        if (deploy != null)
        {
            // nanoCLR loads the deployment of its pair; without a good one the managed side (and the engine) never starts.
            string? managed = DeploymentScan.Describe(Flash, deploy);
            lines.Add("Booted " + running.Label + " + " + deploy.Label + ": " + RunningVersion + " (bootloader: " + LastBoot.Reason + "); "
                + deploy.Label + ": " + (managed ?? "no valid deployment"));
            if (managed == null)
                throw new ModuleRebootException("nanoCLR found no deployment in " + deploy.Label + ": the managed side did not start");
        }
        else
            lines.Add("Booted " + running.Label + ": " + RunningVersion + " (bootloader: " + LastBoot.Reason + ")");

        // The engine starts the commit watchdog, which settles this boot (and may restart at once in one odd state).
        _module = new OtaModule(new OtaPlatform
        {
            Flash = engineFlash,
            RunningPartition = running.Label,
            Sha256 = new HostSha256(),
            BundleSha256 = new HostSha256(),
            ChecksumFold = new HostChecksumFold(),
            SignatureVerifier = new OvmsOta.Simulator.Signing.HostRsaVerifier(),
            Http = _http,
            Deflate = new OvmsOta.Simulator.Compression.ZlibDeflateDecoder(),
            MonotonicClock = _clock,
            WallClock = _clock,
            Network = new SimNetwork(),
            Hardware = new HardwareInfo(HardwareText, OvmsOta.UpdateServer.OvmsProduct.Hardware31, 3),
            Firmware = new FirmwareIdentity(RunningVersion, app.IdfVersion, app.Date, app.Time),
            Reboot = new ModuleReboot(),
            Log = _log,
            Notifier = _log,
            Background = _background,
            Files = Files,
            Json = Json,
        });
        _lastTicker = _clock.Milliseconds;
        if (Module.Engine.Trial.BootReport != null && _log == null)
            lines.Add(Module.Engine.Trial.BootReport); // else the engine has logged it
        if (Watchdog != null && Watchdog.IsOnTrial)
            lines.Add(Watchdog.Status + ": \"ota commit\" keeps it");
        // system.start and sd.mounted: the partition-type notice, an ovms3.bin on the card is flashed.
        Module.Started();
    }

    /// <summary>Runs one shell line on the engine.</summary>
    public void Execute(string line, IShellOutput output)
    {
        lock (Gate)
            Module.Execute(line, output);
    }

    /// <summary>
    /// The module's periodic work for the time that passed: the commit watchdog's check (every call), and OVMS's
    /// 10-minute ticker (watchdog and nightly update) each time 10 minutes of module time have gone by. Throws
    /// <see cref="ModuleRebootException"/> when either restarts the module.
    /// </summary>
    public void Tick()
    {
        lock (Gate)
        {
            if (_clock.Milliseconds - _lastTicker >= TickerMilliseconds)
            {
                _lastTicker += TickerMilliseconds;
                Module.Tick();
            }
            else
                Module.TickWatchdog();
        }
    }

    /// <summary>
    /// <see cref="Tick"/> unless something holds <see cref="Gate"/> (a shell command, a reset): then nothing, and false.
    /// The interactive ticker fires every second on the thread pool; waiting for a 30 s download would pile up a blocked
    /// thread a second. A skipped tick loses nothing: the next one sees the time that passed.
    /// </summary>
    public bool TickIfIdle()
    {
        if (!Monitor.TryEnter(Gate))
            return false;
        try
        {
            Tick();
            return true;
        }
        finally
        {
            Monitor.Exit(Gate);
        }
    }

    /// <summary>Sets a config value as `config set` would (the simulator's own set-up: server, push secret).</summary>
    public void Configure(string instance, string value)
    {
        lock (Gate)
        {
            if (Module.Engine.ConfigStore.Stored(ConfigParams.Ota, instance) != value)
                Module.Engine.ConfigStore.Set(ConfigParams.Ota, instance, value);
        }
    }

    /// <summary>
    /// One HTTP connection to the module's port (web page, push endpoint, RPC), with the running engine's flash lock,
    /// updater and secret. It does not take <see cref="Gate"/>: a shell flash at the same time must meet the flash lock
    /// (409), not wait. A reset during a push ends it with a <see cref="PowerLossException"/> (the connection drops, as on
    /// a module that restarts); a restart asked for over RPC (OTA.Revert, Sys.Reboot) comes after its answer and boots
    /// the module again here (through the console when there is one).
    /// </summary>
    public int ServeHttp(Stream connection)
    {
        try
        {
            return Module.CreateHttp(_pushBuffer).Handle(connection);
        }
        catch (ModuleRebootException e)
        {
            if (_rebootConsole != null)
                _rebootConsole(e.Message);
            else
                PowerOn();
            return 200;
        }
    }

    /// <summary>The boot's console lines, kept and (when print is given) shown as they come.</summary>
    sealed class BootLines(Action<string>? print) : List<string>
    {
        public new void Add(string line)
        {
            base.Add(line);
            print?.Invoke(line);
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        _file.Dispose();
    }
}

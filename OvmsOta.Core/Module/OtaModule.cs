using OvmsOta.Engine;
using OvmsOta.Ports;
using OvmsOta.Push;
using OvmsOta.Rpc;
using OvmsOta.Schedule;
using OvmsOta.Shell;

namespace OvmsOta.Module
{
    /// <summary>
    /// One module's OTA, composed once from its platform bindings: the engine's services, the `ota` shell, the
    /// nightly job and the push target, each given only the services it uses. The device firmware and the host
    /// simulator build the same object; only <see cref="OtaPlatform"/> differs.
    /// </summary>
    public sealed class OtaModule
    {
        private readonly OtaEngine _engine;
        private readonly AutoUpdateJob _autoUpdate;
        private readonly OtaShell _shell;
        private readonly EnginePushTarget _pushTarget;
        private readonly SdCardFlash _sdCard;
        private readonly PartitionTypeNotice _partitionType;
        private readonly RpcUpdateJob _rpcUpdate;
        private readonly IJsonCodec _json;

        /// <summary>Builds the engine (which settles a trial image first) and everything on top of it.</summary>
        public OtaModule(OtaPlatform platform)
        {
            _engine = new OtaEngine(platform);
            _autoUpdate = new AutoUpdateJob(_engine.Slots, _engine.Installer, _engine.Server, _engine.Config, platform.WallClock,
                platform.MonotonicClock, _engine.Background, _engine.RebootPolicy, _engine.Reboot);
            _shell = new OtaShell(_engine.Slots, _engine.Installer, _engine.Server, _engine.Trial, _engine.ConfigCommand,
                _engine.ConfigStore, platform.Hardware, platform.Files, _autoUpdate, _engine.Reboot);
            _pushTarget = new EnginePushTarget(_engine.Slots, _engine.Installer);
            _sdCard = new SdCardFlash(_engine.Slots, _engine.Installer, platform.Files, platform.MonotonicClock, _engine.Background,
                _engine.Reboot);
            _rpcUpdate = new RpcUpdateJob(new FlashCommands(_engine.Slots, _engine.Installer, _engine.Server, platform.Files),
                _engine.Background);
            _json = platform.Json;
            _partitionType = new PartitionTypeNotice(_engine.Slots, _engine.Config, platform.Firmware.Version,
                platform.Notifier != null ? _engine.Notifier : null, _engine.Log);
        }

        /// <summary>
        /// What OVMS does at system.start and sd.mounted: the partition-type notification, then the SD card flash
        /// (/sd/ovms3.bin, in the background). Call once, after the module is built; nothing runs once a restart is pending.
        /// </summary>
        public void Started()
        {
            if (RebootPending)
                return;
            _partitionType.Check();
            _sdCard.CardMounted();
        }

        /// <summary>The SD card flash at boot (reference 4c).</summary>
        public SdCardFlash SdCard { get { return _sdCard; } }

        /// <summary>The engine's services (slots, installer, update server, trial, config, log).</summary>
        public OtaEngine Engine { get { return _engine; } }

        public OtaShell Shell { get { return _shell; } }

        /// <summary>The nightly update and `ota flash auto`.</summary>
        public AutoUpdateJob AutoUpdate { get { return _autoUpdate; } }

        /// <summary>
        /// True once the engine asked for a restart: `Execute`, `Tick` and `TickWatchdog` then do nothing, and a platform's
        /// own entry points (push, shell sessions) check it first.
        /// </summary>
        public bool RebootPending { get { return _engine.RebootPending; } }

        /// <summary>The push endpoint's way into the engine: the same lock and updater as `ota flash`.</summary>
        public IPushTarget PushTarget { get { return _pushTarget; } }

        /// <summary>Runs one shell line in the console's session (same as <see cref="OtaShell.Execute(string, IShellOutput)"/>).</summary>
        public void Execute(string line, IShellOutput output)
        {
            _shell.Execute(line, output);
        }

        /// <summary>Runs one shell line in a session of its own (<see cref="OtaShell.NewSession"/>: a TCP connection).</summary>
        public void Execute(string line, IShellOutput output, ShellMode mode)
        {
            _shell.Execute(line, output, mode);
        }

        /// <summary>
        /// OVMS's ticker.600: call every 10 minutes. Runs the commit watchdog's periodic work and the nightly update.
        /// (The watchdog may also be ticked more often through <see cref="TickWatchdog"/>.)
        /// </summary>
        public void Tick()
        {
            TickWatchdog();
            _autoUpdate.Tick();
        }

        /// <summary>The commit watchdog's periodic work alone (a platform may call it more often than every 10 minutes).</summary>
        public void TickWatchdog()
        {
            _engine.Trial.Tick();
        }

        /// <summary>OTA.Update's background run and its last outcome.</summary>
        public RpcUpdateJob RpcUpdate { get { return _rpcUpdate; } }

        /// <summary>
        /// The module's HTTP port for one connection: the web page at /, the push endpoint at /update and the RPC at
        /// /rpc/ (null RPC without a JSON binding), all with the configured secret and through one buffer.
        /// </summary>
        public ModuleHttp CreateHttp(byte[] buffer)
        {
            RpcEndpoint rpc = _json != null ? new RpcEndpoint(_engine, _rpcUpdate, _json, _engine.Config.PushSecret) : null;
            return new ModuleHttp(CreatePushEndpoint(buffer), rpc, buffer);
        }

        /// <summary>A push endpoint with the configured secret (`ota push.secret`; empty disables pushing).</summary>
        public PushEndpoint CreatePushEndpoint(byte[] buffer)
        {
            return new PushEndpoint(_pushTarget, _engine.Config.PushSecret, buffer);
        }
    }
}

using OvmsOta.Engine;
using OvmsOta.Ports;
using OvmsOta.Push;
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

        /// <summary>Builds the engine (which settles a trial image first) and everything on top of it.</summary>
        public OtaModule(OtaPlatform platform)
        {
            _engine = new OtaEngine(platform);
            _autoUpdate = new AutoUpdateJob(_engine.Slots, _engine.Installer, _engine.Server, _engine.Config, platform.WallClock,
                platform.MonotonicClock, _engine.Background, _engine.RebootPolicy, _engine.Reboot);
            _shell = new OtaShell(_engine.Slots, _engine.Installer, _engine.Server, _engine.Trial, _engine.ConfigCommand,
                platform.Hardware, platform.Files, _autoUpdate, _engine.Reboot);
            _pushTarget = new EnginePushTarget(_engine.Slots, _engine.Installer);
        }

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

        /// <summary>Runs one shell line (same as <see cref="OtaShell.Execute"/>).</summary>
        public void Execute(string line, IShellOutput output)
        {
            _shell.Execute(line, output);
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

        /// <summary>A push endpoint with the configured secret (`ota push.secret`; empty disables pushing).</summary>
        public PushEndpoint CreatePushEndpoint(byte[] buffer)
        {
            return new PushEndpoint(_pushTarget, _engine.Config.PushSecret, buffer);
        }
    }
}

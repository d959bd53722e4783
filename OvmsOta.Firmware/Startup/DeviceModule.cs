using System.Threading;
using OvmsOta.Engine;
using OvmsOta.Firmware.Bindings;
using OvmsOta.Firmware.Servers;
using OvmsOta.Flash;
using OvmsOta.Module;

namespace OvmsOta.Firmware.Startup
{
    /// <summary>
    /// The module's parts: the platform over the native layer, and the services in the order of the design: the commit
    /// watchdog's tick, the network watch, the `ota` shell, the push endpoint, the nightly tick. Each service is built
    /// inside its own start, so building one that fails cannot keep the others from starting; what runs is kept here.
    /// </summary>
    public sealed class DeviceModule : IModuleParts
    {
        private readonly DeviceLog _log;
        private OtaModule _module;
        private PeriodicTick _watchdogTick;
        private NetworkWatch _network;
        private TcpServer _shell;
        private TcpServer _push;
        private PeriodicTick _nightlyTick;

        public DeviceModule(DeviceLog log)
        {
            _log = log;
        }

        /// <summary>
        /// The flash binding and every device binding. Nothing here touches the network; the module built on it runs the
        /// commit watchdog's start step (arms the rollback of an image on trial) before it returns.
        /// </summary>
        public OtaPlatform CreatePlatform()
        {
            NativeFlashBinding flash = new NativeFlashBinding(new NativeFlashCalls(), FlashGeometry.DeviceSize);
            return DevicePlatform.Create(flash, _log);
        }

        public ServiceStart[] Services(OtaModule module)
        {
            _module = module;
            return new ServiceStart[]
            {
                new ServiceStart("commit watchdog tick", new ThreadStart(StartWatchdogTick)),
                new ServiceStart("network watch", new ThreadStart(StartNetworkWatch)),
                new ServiceStart("ota shell", new ThreadStart(StartShell)),
                new ServiceStart("push endpoint", new ThreadStart(StartPush)),
                new ServiceStart("nightly update tick", new ThreadStart(StartNightlyTick)),
            };
        }

        private void StartWatchdogTick()
        {
            if (_module.Engine.Trial.Watchdog == null)
                return;
            _watchdogTick = new PeriodicTick("commit watchdog", new ThreadStart(_module.TickWatchdog), DeviceSettings.WatchdogTickMilliseconds, _log);
            _watchdogTick.Start();
        }

        private void StartNetworkWatch()
        {
            _network = new NetworkWatch(_log);
            _network.Start();
        }

        private void StartShell()
        {
            _shell = new TcpServer("shell", DeviceSettings.ShellPort, new ShellSession(_module), _log, DeviceSettings.ClientTimeoutMilliseconds,
                new DeviceClock(), false);
            _shell.Start();
        }

        private void StartPush()
        {
            _push = new TcpServer("push", DeviceSettings.PushPort, new PushConnection(_module), _log, DeviceSettings.ClientTimeoutMilliseconds,
                new DeviceClock(), true);
            _push.Start();
        }

        private void StartNightlyTick()
        {
            _nightlyTick = new PeriodicTick("nightly update", new ThreadStart(new NightlyTick(_module).Run), DeviceSettings.NightlyTickMilliseconds, _log);
            _nightlyTick.Start();
        }
    }
}

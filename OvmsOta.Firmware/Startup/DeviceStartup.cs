using OvmsOta.Firmware.Bindings;
using OvmsOta.Firmware.Servers;
using OvmsOta.Flash;
using OvmsOta.Module;

namespace OvmsOta.Firmware.Startup
{
    /// <summary>The two steps of Main: the module first (it settles a trial image), then everything that can fail.</summary>
    public static class DeviceStartup
    {
        /// <summary>
        /// Builds the flash binding and the module. The module's constructor runs the commit watchdog's start step
        /// (arms the rollback of an image on trial in otadata) before it returns, so a trial image is settled before
        /// the network, the servers or the nightly job can fail. Nothing here touches the network.
        /// </summary>
        public static OtaModule StartModule(DeviceLog log)
        {
            NativeFlashBinding flash = new NativeFlashBinding(new NativeFlashCalls(), FlashGeometry.DeviceSize);
            OtaModule module = new OtaModule(DevicePlatform.Create(flash, log));
            log.Info("running " + module.Engine.Slots.RunningLabel + ", " + module.Engine.Server.FullVersion);
            return module;
        }

        /// <summary>In the order of the design: watchdog tick, network, shell, push, nightly tick.</summary>
        public static void StartServices(OtaModule module, DeviceLog log)
        {
            if (module.Engine.Trial.Watchdog != null)
                new PeriodicTick("commit watchdog", new WatchdogTick(module).Run, DeviceSettings.WatchdogTickMilliseconds, log).Start();
            new NetworkWatch(log).Start();
            new TcpServer("shell", DeviceSettings.ShellPort, new ShellSession(module), log, DeviceSettings.ClientTimeoutMilliseconds).Start();
            new TcpServer("push", DeviceSettings.PushPort, new PushConnection(module), log, DeviceSettings.ClientTimeoutMilliseconds).Start();
            new PeriodicTick("nightly update", new NightlyTick(module).Run, DeviceSettings.NightlyTickMilliseconds, log).Start();
        }
    }
}

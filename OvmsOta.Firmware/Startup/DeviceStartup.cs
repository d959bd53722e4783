using OvmsOta.Firmware.Bindings;
using OvmsOta.Firmware.Servers;
using OvmsOta.Engine;
using OvmsOta.Flash;

namespace OvmsOta.Firmware.Startup
{
    /// <summary>The two steps of Main: the engine first (it settles a trial image), then everything that can fail.</summary>
    public static class DeviceStartup
    {
        /// <summary>
        /// Builds the flash binding and the engine. The engine's constructor runs the commit watchdog's start step
        /// (arms the rollback of an image on trial in otadata) before it returns, so a trial image is settled before
        /// the network, the servers or the nightly job can fail. Nothing here touches the network.
        /// </summary>
        public static OtaEngine StartEngine(DeviceLog log)
        {
            NativeFlashBinding flash = new NativeFlashBinding(new NativeFlashCalls(), FlashGeometry.DeviceSize);
            OtaEngine engine = new OtaEngine(DevicePlatform.Create(flash, log));
            log.Info("running " + engine.RunningLabel + ", " + engine.FullVersion);
            return engine;
        }

        /// <summary>In the order of the design: watchdog tick, network, shell, push, nightly tick.</summary>
        public static void StartServices(OtaEngine engine, DeviceLog log)
        {
            if (engine.Watchdog != null)
                new PeriodicTick("commit watchdog", new WatchdogTick(engine).Run, DeviceSettings.WatchdogTickMilliseconds, log).Start();
            new NetworkWatch(log).Start();
            new TcpServer("shell", DeviceSettings.ShellPort, new ShellSession(engine), log, DeviceSettings.ClientTimeoutMilliseconds).Start();
            new TcpServer("push", DeviceSettings.PushPort, new PushConnection(engine), log, DeviceSettings.ClientTimeoutMilliseconds).Start();
            new PeriodicTick("nightly update", new NightlyTick(engine).Run, DeviceSettings.NightlyTickMilliseconds, log).Start();
        }
    }
}

using OvmsOta.Module;

namespace OvmsOta.Firmware.Startup
{
    /// <summary>The commit watchdog's periodic step: confirm when healthy, roll back past the deadline.</summary>
    public sealed class WatchdogTick
    {
        private readonly OtaModule _module;

        public WatchdogTick(OtaModule module)
        {
            _module = module;
        }

        public void Run()
        {
            _module.Engine.Trial.Watchdog.Tick();
        }
    }
}

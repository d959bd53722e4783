using OvmsOta.Engine;

namespace OvmsOta.Firmware.Startup
{
    /// <summary>The commit watchdog's periodic step: confirm when healthy, roll back past the deadline.</summary>
    public sealed class WatchdogTick
    {
        private readonly OtaEngine _engine;

        public WatchdogTick(OtaEngine engine)
        {
            _engine = engine;
        }

        public void Run()
        {
            _engine.Watchdog.Tick();
        }
    }
}

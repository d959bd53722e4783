using OvmsOta.Shell;

namespace OvmsOta.Firmware.Startup
{
    /// <summary>OVMS's ticker.600 for the nightly update (the watchdog has its own, faster tick).</summary>
    public sealed class NightlyTick
    {
        private readonly OtaEngine _engine;

        public NightlyTick(OtaEngine engine)
        {
            _engine = engine;
        }

        public void Run()
        {
            _engine.AutoUpdate.Tick();
        }
    }
}

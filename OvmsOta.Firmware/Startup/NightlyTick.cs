using OvmsOta.Engine;

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

        /// <summary>Before SNTP sets it the ESP32's clock starts in 1970: no local hour to compare auto.hour with.</summary>
        public const int ClockSetFromYear = 2025;

        public void Run()
        {
            if (System.DateTime.UtcNow.Year < ClockSetFromYear)
                return;
            _engine.AutoUpdate.Tick();
        }
    }
}

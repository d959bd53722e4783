using OvmsOta.Module;

namespace OvmsOta.Firmware.Startup
{
    /// <summary>OVMS's ticker.600 for the nightly update (the watchdog has its own, faster tick).</summary>
    public sealed class NightlyTick
    {
        private readonly OtaModule _module;

        public NightlyTick(OtaModule module)
        {
            _module = module;
        }

        /// <summary>Before SNTP sets it the ESP32's clock starts in 1970: no local hour to compare auto.hour with.</summary>
        public const int ClockSetFromYear = 2025;

        public void Run()
        {
            if (System.DateTime.UtcNow.Year < ClockSetFromYear)
                return;
            _module.AutoUpdate.Tick();
        }
    }
}

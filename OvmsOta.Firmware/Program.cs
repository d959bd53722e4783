using System.Threading;
using OvmsOta.Firmware.Bindings;
using OvmsOta.Firmware.Startup;
using OvmsOta.Engine;

namespace OvmsOta.Firmware
{
    /// <summary>Entry point of the nanoFramework application on the OVMS module.</summary>
    public class Program
    {
        public static void Main()
        {
            DeviceLog log = new DeviceLog();
            // First, before anything that can fail: flash, partition table, and the engine, which settles a trial image.
            OtaEngine engine = DeviceStartup.StartEngine(log);
            // Then the rest: watchdog tick, network, `ota` shell, push endpoint, nightly tick.
            DeviceStartup.StartServices(engine, log);
            Thread.Sleep(Timeout.Infinite);
        }
    }
}

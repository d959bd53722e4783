using System.Threading;
using OvmsOta.Firmware.Bindings;
using OvmsOta.Firmware.Startup;
using OvmsOta.Module;

namespace OvmsOta.Firmware
{
    /// <summary>Entry point of the nanoFramework application on the OVMS module.</summary>
    public class Program
    {
        public static void Main()
        {
            DeviceLog log = new DeviceLog();
            // First, before anything that can fail: flash, partition table, and the module, which settles a trial image.
            OtaModule module = DeviceStartup.StartModule(log);
            // Then the rest: watchdog tick, network, `ota` shell, push endpoint, nightly tick.
            DeviceStartup.StartServices(module, log);
            Thread.Sleep(Timeout.Infinite);
        }
    }
}

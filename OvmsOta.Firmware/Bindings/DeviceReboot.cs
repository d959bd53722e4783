using System.Threading;
using OvmsOta.Ports;
using nanoFramework.Runtime.Native;

namespace OvmsOta.Firmware.Bindings
{
    /// <summary>
    /// Restarts the module through nanoFramework's Power.RebootDevice(RebootOption) (ends in esp_restart, so the
    /// bootloader picks the slot otadata selects). The reason goes to the log first (nanoCLR drops output once a reboot
    /// is pending); a short pause lets it leave. Never returns: RebootDevice only flags the reboot, which nanoCLR acts on
    /// when this thread blocks, so the thread blocks for good and nothing after the request runs on it.
    /// </summary>
    public sealed class DeviceReboot : IReboot
    {
        private const int LogFlushMilliseconds = 200;

        private readonly IOtaLog _log;

        public DeviceReboot(IOtaLog log)
        {
            _log = log;
        }

        public void Reboot(string reason)
        {
            if (_log != null)
                _log.Warning("Restarting: " + reason);
            Thread.Sleep(LogFlushMilliseconds);
            // The lists have RebootDevice(RebootOption) and RebootDevice(Int32, RebootOption), no parameterless call.
            Power.RebootDevice(RebootOption.NormalReboot);
            while (true)
                Thread.Sleep(Timeout.Infinite);
        }
    }
}

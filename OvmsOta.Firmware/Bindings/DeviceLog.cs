using System.Diagnostics;
using OvmsOta.Ports;

namespace OvmsOta.Firmware.Bindings
{
    /// <summary>
    /// The module log and notifications on nanoFramework's debug output (visible over the USB wire protocol), with
    /// OVMS's level letter and tag: "W (ota) text". Notifications have no server here, so they are logged too.
    /// </summary>
    public sealed class DeviceLog : IOtaLog, INotifier
    {
        public void Info(string text) { Write("I", text); }

        public void Warning(string text) { Write("W", text); }

        public void Error(string text) { Write("E", text); }

        public void Info(string subtype, string text) { Write("N", subtype + ": " + text); }

        public void Alert(string subtype, string text) { Write("A", subtype + ": " + text); }

        private static void Write(string level, string text)
        {
            Debug.WriteLine(level + " (ota) " + text);
        }
    }
}

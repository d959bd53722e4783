using System.Net.NetworkInformation;
using OvmsOta.Ports;

namespace OvmsOta.Firmware.Bindings
{
    /// <summary>
    /// Which links are up. nanoFramework's network on the module is the ESP32's wifi only (station, brought up by
    /// nanoCLR from the stored Wireless80211Configuration), so "the network is available" means wifi. The OVMS modem
    /// is not driven by this firmware: ModemConnected is always false.
    /// </summary>
    public sealed class DeviceNetworkStatus : INetworkStatus
    {
        public bool WifiConnected { get { return NetworkInterface.GetIsNetworkAvailable(); } }

        public bool ModemConnected { get { return false; } }
    }
}

using System.Net.NetworkInformation;
using OvmsOta.Ports;

namespace OvmsOta.Firmware.Startup
{
    /// <summary>
    /// The network needs no start from the application: nanoCLR joins wifi from the Wireless80211Configuration in its
    /// configuration store (nanoff --networkdeployment) and SNTP sets the clock. This logs the state now and on change.
    /// </summary>
    public sealed class NetworkWatch
    {
        private readonly IOtaLog _log;

        public NetworkWatch(IOtaLog log)
        {
            _log = log;
        }

        public void Start()
        {
            NetworkChange.NetworkAvailabilityChanged += OnChanged;
            Report(NetworkInterface.GetIsNetworkAvailable());
        }

        private void OnChanged(object sender, NetworkAvailabilityEventArgs e)
        {
            Report(e.IsAvailable);
        }

        private void Report(bool available)
        {
            if (available)
                _log.Info("network: up");
            else
                _log.Warning("network: down (nanoCLR joins wifi from its stored configuration)");
        }
    }
}

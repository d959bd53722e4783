using OvmsOta.Ports;

namespace OvmsOta.Simulator.Module;

/// <summary>The simulated module is on wifi (the host's loopback) and has no modem.</summary>
public sealed class SimNetwork : INetworkStatus
{
    public bool WifiConnected => true;

    public bool ModemConnected => false;
}

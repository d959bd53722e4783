namespace OvmsOta.Ports
{
    /// <summary>Which links are up: the update check needs either, the automatic download wifi unless allowed.</summary>
    public interface INetworkStatus
    {
        bool WifiConnected { get; }
        bool ModemConnected { get; }
    }
}

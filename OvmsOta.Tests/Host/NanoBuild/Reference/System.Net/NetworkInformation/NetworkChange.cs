// Reference model of nanoframework/System.Net, tag v1.11.52, nanoFramework.System.Net/NetworkInformation/NetworkChange.cs:
// the event argument types, the handler delegates and NetworkChange's public events (its nested event-processing
// types are not modelled).
namespace System.Net.NetworkInformation
{
    public class NetworkAvailabilityEventArgs : EventArgs
    {
        internal NetworkAvailabilityEventArgs() { }
        public bool IsAvailable => throw null;
    }

    public class NetworkAPStationEventArgs : EventArgs
    {
        internal NetworkAPStationEventArgs() { }
        public bool IsConnected => throw null;
        public int StationIndex => throw null;
    }

    public delegate void NetworkAddressChangedEventHandler(object sender, EventArgs e);

    public delegate void NetworkAvailabilityChangedEventHandler(object sender, NetworkAvailabilityEventArgs e);

    public delegate void NetworkAPStationChangedEventHandler(int NetworkIndex, NetworkAPStationEventArgs e);

    public static class NetworkChange
    {
        public static event NetworkAddressChangedEventHandler NetworkAddressChanged { add => throw null; remove => throw null; }
        public static event NetworkAvailabilityChangedEventHandler NetworkAvailabilityChanged { add => throw null; remove => throw null; }
        public static event NetworkAPStationChangedEventHandler NetworkAPStationChanged { add => throw null; remove => throw null; }
    }
}

// Reference model of nanoframework/System.Net, tag v1.11.52, nanoFramework.System.Net/NetworkInformation/NetworkInterface.cs:
// the type and the static members OvmsOta uses; the per-interface configuration members (EnableDhcp, IPv4Address ...)
// are not modelled.
namespace System.Net.NetworkInformation
{
    public class NetworkInterface
    {
        protected NetworkInterface(int interfaceIndex) => throw null;
        public static bool GetIsNetworkAvailable() => throw null;
        public static NetworkInterface[] GetAllNetworkInterfaces() => throw null;
    }
}

// Reference model of nanoframework/System.Net, tag v1.11.52, nanoFramework.System.Net/IPAddress.cs:
// the public surface as declared there, bodies throw.
using System.Net.Sockets;

namespace System.Net
{
    [Serializable]
    public class IPAddress
    {
        public static readonly IPAddress Any = null;
        public static readonly IPAddress Loopback = null;
        public static readonly IPAddress Broadcast = null;
        public static readonly IPAddress None = null;
        public static readonly IPAddress IPv6Any = null;
        public static readonly IPAddress IPv6Loopback = null;

        public IPAddress(long newAddress) => throw null;
        public IPAddress(byte[] address) => throw null;
        public IPAddress(byte[] address, long scopeid) => throw null;

        public AddressFamily AddressFamily => throw null;
        public long ScopeId { get => throw null; set => throw null; }
        public bool IsIPv4MappedToIPv6 => throw null;

        public static bool operator ==(IPAddress a, IPAddress b) => throw null;
        public static bool operator !=(IPAddress a, IPAddress b) => throw null;
        public override bool Equals(object other) => throw null;
        public bool Equals(IPAddress other) => throw null;
        public byte[] GetAddressBytes() => throw null;
        public static IPAddress Parse(string ipString) => throw null;
        public override string ToString() => throw null;
        public static IPAddress GetDefaultLocalAddress() => throw null;
        public override int GetHashCode() => throw null;
        public IPAddress MapToIPv6() => throw null;
        public IPAddress MapToIPv4() => throw null;
    }
}

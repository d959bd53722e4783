// Reference model of nanoframework/System.Net, tag v1.11.52, nanoFramework.System.Net/IPEndPoint.cs.
using System.Net.Sockets;

namespace System.Net
{
    [Serializable]
    public class IPEndPoint : EndPoint
    {
        public const int MinPort = 0x00000000;
        public const int MaxPort = 0x0000FFFF;

        public IPEndPoint(long address, int port) => throw null;
        public IPEndPoint(IPAddress address, int port) => throw null;

        public IPAddress Address => throw null;
        public AddressFamily AddressFamily => throw null;
        public int Port => throw null;

        public override SocketAddress Serialize() => throw null;
        public override EndPoint Create(SocketAddress socketAddress) => throw null;
        public override string ToString() => throw null;
        public override bool Equals(object obj) => throw null;
        public override int GetHashCode() => throw null;
    }
}

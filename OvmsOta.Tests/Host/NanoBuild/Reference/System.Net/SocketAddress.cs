// Reference model of nanoframework/System.Net, tag v1.11.52, nanoFramework.System.Net/SocketAddress.cs.
using System.Net.Sockets;

namespace System.Net
{
    public class SocketAddress
    {
        public SocketAddress(AddressFamily family, int size) => throw null;
        public AddressFamily Family => throw null;
        public int Size => throw null;
        public byte this[int offset] { get => throw null; set => throw null; }
        public override bool Equals(object obj) => throw null;
        public override int GetHashCode() => throw null;
    }
}

// Reference model of nanoframework/System.Net, tag v1.11.52, nanoFramework.System.Net/Sockets/SocketType.cs.
namespace System.Net.Sockets
{
    public enum SocketType
    {
        Stream = 1,
        Dgram = 2,
        Raw = 3,
        Rdm = 4,
        Seqpacket = 5,
        Unknown = -1,
    }
}

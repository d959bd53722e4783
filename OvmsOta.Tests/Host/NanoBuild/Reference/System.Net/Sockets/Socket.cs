// Reference model of nanoframework/System.Net, tag v1.11.52, nanoFramework.System.Net/Sockets/Socket.cs:
// its properties and the methods OvmsOta calls (with Connect), as declared there; IDisposable is implemented
// explicitly (a Socket has Close, no public Dispose). Not modelled: the Send/SendTo/Receive/ReceiveFrom,
// Get/SetSocketOption and Poll families, which OvmsOta does not call.
namespace System.Net.Sockets
{
    public class Socket : IDisposable
    {
        public Socket(AddressFamily addressFamily, SocketType socketType, ProtocolType protocolType) => throw null;

        public int Available => throw null;
        public EndPoint LocalEndPoint => throw null;
        public EndPoint RemoteEndPoint => throw null;
        public bool Connected => throw null;
        public int ReceiveTimeout { get => throw null; set => throw null; }
        public int SendTimeout { get => throw null; set => throw null; }
        public SocketType SocketType => throw null;

        public void Bind(EndPoint localEP) => throw null;
        public void Connect(EndPoint remoteEP) => throw null;
        public void Close() => throw null;
        public void Listen(int backlog) => throw null;
        public Socket Accept() => throw null;

        protected virtual void Dispose(bool disposing) => throw null;
        void IDisposable.Dispose() => throw null;
    }
}

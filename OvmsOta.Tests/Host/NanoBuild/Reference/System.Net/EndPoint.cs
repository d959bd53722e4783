// Reference model of nanoframework/System.Net, tag v1.11.52, nanoFramework.System.Net/EndPoint.cs.
namespace System.Net
{
    [Serializable]
    public abstract class EndPoint
    {
        public abstract SocketAddress Serialize();
        public abstract EndPoint Create(SocketAddress socketAddress);
    }
}

using OvmsOta.Boot;

namespace OvmsOta.Engine
{
    /// <summary>Healthy while wifi or the modem is up: an image that cannot bring the network up is not confirmed.</summary>
    public sealed class NetworkHealth : IHealthCheck
    {
        private readonly UpdateServerInfo _server;

        public NetworkHealth(UpdateServerInfo server)
        {
            _server = server;
        }

        public string Name { get { return "network"; } }

        public bool IsHealthy()
        {
            return _server.NetworkUp;
        }
    }
}

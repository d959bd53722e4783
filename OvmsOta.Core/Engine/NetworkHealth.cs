using OvmsOta.Boot;

namespace OvmsOta.Engine
{
    /// <summary>Healthy while wifi or the modem is up: an image that cannot bring the network up is not confirmed.</summary>
    public sealed class NetworkHealth : IHealthCheck
    {
        private readonly OtaEngine _engine;

        public NetworkHealth(OtaEngine engine)
        {
            _engine = engine;
        }

        public string Name { get { return "network"; } }

        public bool IsHealthy()
        {
            return _engine.NetworkUp;
        }
    }
}

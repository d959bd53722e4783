using OvmsOta.Boot;
using OvmsOta.Ports;
using OvmsOta.UpdateServer;

namespace OvmsOta.Engine
{
    /// <summary>
    /// Healthy once the update server answered with a readable .ver: the new image can reach the place the next fix
    /// would come from. Asked at most once a minute (the watchdog ticks every second in the simulator and a fetch
    /// can take seconds); the last answer stands in between.
    /// </summary>
    public sealed class UpdateServerHealth : IHealthCheck
    {
        public const int MinimumIntervalMs = 60000;

        private readonly UpdateServerInfo _server;
        private readonly IMonotonicClock _clock;
        private bool _asked;
        private long _askedAt;
        private bool _healthy;

        public UpdateServerHealth(UpdateServerInfo server, IMonotonicClock clock)
        {
            _server = server;
            _clock = clock;
        }

        public string Name { get { return "update server"; } }

        public bool IsHealthy()
        {
            long now = _clock.Milliseconds;
            if (_asked && now - _askedAt < MinimumIntervalMs)
                return _healthy;
            _asked = true;
            _askedAt = now;
            try
            {
                _server.Fetcher.FetchVersionFile(_server.VersionUrl);
                _healthy = true;
            }
            catch (DownloadException)
            {
                _healthy = false;
            }
            return _healthy;
        }
    }
}

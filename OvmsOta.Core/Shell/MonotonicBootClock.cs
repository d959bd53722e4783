using OvmsOta.Boot;
using OvmsOta.Ports;

namespace OvmsOta.Shell
{
    /// <summary>The commit watchdog's clock from the platform's monotonic clock (one clock per module, not two).</summary>
    internal sealed class MonotonicBootClock : IClock
    {
        private readonly IMonotonicClock _clock;

        public MonotonicBootClock(IMonotonicClock clock)
        {
            _clock = clock;
        }

        public long Milliseconds { get { return _clock.Milliseconds; } }
    }
}

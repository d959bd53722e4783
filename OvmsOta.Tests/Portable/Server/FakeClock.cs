using OvmsOta.Ports;

namespace OvmsOta.Tests.Portable.Server
{
    /// <summary>A clock that moves only when told to or paused: tests of timeouts never sleep.</summary>
    public sealed class FakeClock : IMonotonicClock
    {
        public long Milliseconds { get; set; }

        /// <summary>How many times a caller paused, so tests can bound polling loops.</summary>
        public int Pauses { get; private set; }

        public void Pause(int milliseconds)
        {
            Pauses++;
            Milliseconds += milliseconds;
        }
    }
}

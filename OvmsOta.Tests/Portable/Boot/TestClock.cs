#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.Ports;

namespace OvmsOta.Tests.Portable.Boot
{
    /// <summary>A clock the test moves by hand.</summary>
    public sealed class TestClock : IMonotonicClock
    {
        private long _now = 1000;

        public long Milliseconds { get { return _now; } }

        /// <summary>The commit watchdog never pauses; a pause moves the clock on like any wait.</summary>
        public void Pause(int milliseconds)
        {
            _now += milliseconds;
        }

        public void Advance(long milliseconds)
        {
            _now += milliseconds;
        }
    }
}

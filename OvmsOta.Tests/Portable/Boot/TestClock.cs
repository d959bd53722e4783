#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.Boot;

namespace OvmsOta.Tests.Portable.Boot
{
    /// <summary>A clock the test moves by hand.</summary>
    public sealed class TestClock : IClock
    {
        private long _now = 1000;

        public long Milliseconds { get { return _now; } }

        public void Advance(long milliseconds)
        {
            _now += milliseconds;
        }
    }
}

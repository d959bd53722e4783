using System.Threading;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.Firmware.Startup;

namespace OvmsOta.Tests.Host.Firmware
{
    /// <summary>A retry timer the test fires by hand ("a minute later"); it keeps the one pending work and its delay.</summary>
    public sealed class ManualRetryTimer : IRetryTimer
    {
        private ThreadStart _work;

        public int Delay { get; private set; } = -1;

        public bool Pending => _work != null;

        public void After(int milliseconds, ThreadStart work)
        {
            Assert.IsNull(_work, "a second retry was scheduled while one was pending");
            Delay = milliseconds;
            _work = work;
        }

        public void Fire()
        {
            ThreadStart work = _work;
            Assert.IsNotNull(work, "no retry is pending");
            _work = null;
            work();
        }
    }
}

using System.Threading;

namespace OvmsOta.Firmware.Startup
{
    /// <summary>
    /// The device's <see cref="IRetryTimer"/>: one one-shot System.Threading.Timer, re-armed for each retry (the starter
    /// has at most one pending). Kept in a field so it stays reachable while it waits.
    /// </summary>
    public sealed class TimerRetry : IRetryTimer
    {
        private Timer _timer;
        private ThreadStart _work;

        public void After(int milliseconds, ThreadStart work)
        {
            _work = work;
            if (_timer == null)
                _timer = new Timer(new TimerCallback(Fire), null, milliseconds, Timeout.Infinite);
            else
                _timer.Change(milliseconds, Timeout.Infinite);
        }

        private void Fire(object state)
        {
            _work();
        }
    }
}

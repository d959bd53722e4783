using System;
using System.Threading;
using OvmsOta.Ports;

namespace OvmsOta.Firmware.Startup
{
    /// <summary>
    /// Runs one piece of periodic work on a System.Threading.Timer. The timer is one-shot and re-armed after each run,
    /// so a slow run is never overlapped by the next; an exception is logged and the tick goes on.
    /// </summary>
    public sealed class PeriodicTick
    {
        private readonly string _name;
        private readonly ThreadStart _work;
        private readonly int _periodMilliseconds;
        private readonly IOtaLog _log;
        private Timer _timer;
        private bool _stopped;

        public PeriodicTick(string name, ThreadStart work, int periodMilliseconds, IOtaLog log)
        {
            _name = name;
            _work = work;
            _periodMilliseconds = periodMilliseconds;
            _log = log;
        }

        public void Start()
        {
            // Armed once the field is set: a first run that came before it would find no timer to re-arm.
            _timer = new Timer(Run, null, Timeout.Infinite, Timeout.Infinite);
            _timer.Change(_periodMilliseconds, Timeout.Infinite);
        }

        /// <summary>Runs the work no more (tests): the timer is not re-armed after the run under way, if any.</summary>
        public void Stop()
        {
            _stopped = true;
        }

        private void Run(object state)
        {
            if (_stopped)
                return;
            try
            {
                _work();
            }
            catch (Exception e)
            {
                _log.Error(_name + " failed: " + e.Message);
            }
            if (!_stopped)
                _timer.Change(_periodMilliseconds, Timeout.Infinite);
        }
    }
}

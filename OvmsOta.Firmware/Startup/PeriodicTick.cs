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

        public PeriodicTick(string name, ThreadStart work, int periodMilliseconds, IOtaLog log)
        {
            _name = name;
            _work = work;
            _periodMilliseconds = periodMilliseconds;
            _log = log;
        }

        public void Start()
        {
            _timer = new Timer(Run, null, _periodMilliseconds, Timeout.Infinite);
        }

        private void Run(object state)
        {
            try
            {
                _work();
            }
            catch (Exception e)
            {
                _log.Error(_name + " failed: " + e.Message);
            }
            _timer.Change(_periodMilliseconds, Timeout.Infinite);
        }
    }
}

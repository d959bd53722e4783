using System;
using System.Threading;
using OvmsOta.Ports;

namespace OvmsOta.Engine
{
    /// <summary>
    /// The one place that knows a restart was asked for. Every restart of the engine goes through here (the commit
    /// watchdog's revert, deadline and rejected-image start, the nightly job after an update): it records the request,
    /// then asks the platform. On the device that call never returns (DeviceReboot blocks the thread until nanoCLR
    /// restarts), but nanoCLR's Power.RebootDevice itself returns, other threads run on until the restart, and so does a
    /// test fake. So every entry point of the engine (a shell line, the watchdog tick, the nightly tick, a push) asks
    /// <see cref="IsPending"/> first and does nothing once it is set: no flash write, no log line, no state that the
    /// next boot will not have.
    /// </summary>
    public sealed class RebootGate : IReboot
    {
        private readonly IReboot _platform;
        private int _requested;
        private string _reason;

        public RebootGate(IReboot platform)
        {
            if (platform == null)
                throw new ArgumentNullException("platform");
            _platform = platform;
        }

        /// <summary>True from the first restart request on (for the rest of this boot).</summary>
        public bool IsPending { get { return _requested != 0; } }

        /// <summary>Why the first request asked for the restart, or null.</summary>
        public string Reason { get { return _reason; } }

        /// <summary>Marks the restart pending, then asks the platform; a second request does nothing (once is enough).</summary>
        public void Reboot(string reason)
        {
            if (Interlocked.CompareExchange(ref _requested, 1, 0) != 0)
                return;
            _reason = reason;
            _platform.Reboot(reason);
        }
    }
}

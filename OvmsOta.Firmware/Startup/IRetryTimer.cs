using System.Threading;

namespace OvmsOta.Firmware.Startup
{
    /// <summary>Runs work once, after a delay, on another thread (device: <see cref="TimerRetry"/>; tests fire it by hand).</summary>
    public interface IRetryTimer
    {
        void After(int milliseconds, ThreadStart work);
    }
}

using System;
using System.Threading;
using OvmsOta.Ports;

namespace OvmsOta.Firmware.Bindings
{
    /// <summary>
    /// Milliseconds since boot (Environment.TickCount64, in nanoFramework.Runtime.Native on the device): it does not
    /// jump when SNTP sets the wall clock, so the commit deadline and download stalls are measured on it.
    /// </summary>
    public sealed class DeviceClock : IMonotonicClock
    {
        public long Milliseconds { get { return Environment.TickCount64; } }

        public void Pause(int milliseconds)
        {
            Thread.Sleep(milliseconds);
        }
    }
}

using System;
using System.Threading;

namespace OvmsOta.Server
{
    /// <summary>The platform's tick count and Thread.Sleep (the same calls on nanoFramework and .NET).</summary>
    public sealed class SystemMonotonicClock : IMonotonicClock
    {
        public long Milliseconds
        {
            get { return Environment.TickCount64; }
        }

        public void Pause(int milliseconds)
        {
            Thread.Sleep(milliseconds);
        }
    }
}

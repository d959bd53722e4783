using System;
using System.Collections;
using System.IO;
using OvmsOta.Ports;

namespace OvmsOta.Tests.Portable.Shell
{
    /// <summary>A local time tests set and advance.</summary>
    public sealed class FakeWallClock : IWallClock
    {
        public DateTime Now = new DateTime(2026, 5, 14, 1, 0, 0);
        public DateTime LocalNow { get { return Now; } }
    }
}

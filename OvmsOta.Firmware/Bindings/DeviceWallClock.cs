using System;
using OvmsOta.Ports;

namespace OvmsOta.Firmware.Bindings
{
    /// <summary>
    /// Local time for the nightly hour: DateTime.UtcNow (set by nanoFramework's SNTP once the network is up) plus a
    /// fixed offset. nanoFramework has no time-zone database, so daylight saving is not followed: the nightly check
    /// moves by an hour in summer unless the offset is changed (OVMS reads a POSIX TZ string; not here).
    /// </summary>
    public sealed class DeviceWallClock : IWallClock
    {
        private readonly int _utcOffsetMinutes;

        public DeviceWallClock(int utcOffsetMinutes)
        {
            _utcOffsetMinutes = utcOffsetMinutes;
        }

        public DateTime LocalNow { get { return DateTime.UtcNow.AddMinutes(_utcOffsetMinutes); } }
    }
}

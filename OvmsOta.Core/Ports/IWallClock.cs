using System;

namespace OvmsOta.Ports
{
    /// <summary>Local time of day in the module's configured time zone (the nightly hour is local, as in OVMS).</summary>
    public interface IWallClock
    {
        DateTime LocalNow { get; }
    }
}

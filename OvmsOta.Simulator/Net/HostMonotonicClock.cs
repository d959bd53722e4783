using OvmsOta.Ports;

namespace OvmsOta.Simulator.Net;

/// <summary>
/// The host's monotonic milliseconds and sleep. Not in Core: nanoFramework keeps Environment.TickCount64 in
/// nanoFramework.Runtime.Native, which the portable engine does not reference; the firmware supplies its own clock.
/// </summary>
public sealed class HostMonotonicClock : IMonotonicClock
{
    public long Milliseconds => Environment.TickCount64;

    public void Pause(int milliseconds) => Thread.Sleep(milliseconds);
}

using OvmsOta.Ports;

namespace OvmsOta.Simulator.Fuzz;

/// <summary>A monotonic clock that moves only when waited on or read: stall and overall timeouts fire at once, in order.</summary>
public sealed class VirtualClock : IMonotonicClock
{
    long _now = 1;

    /// <summary>How far each reading moves time (a slow network as the fuzzer sees it).</summary>
    public int StepMilliseconds { get; set; } = 1;

    public long Milliseconds => _now += StepMilliseconds;

    public void Pause(int milliseconds) => _now += milliseconds;
}

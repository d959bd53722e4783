using OvmsOta.Ports;

namespace OvmsOta.Simulator.Module;

/// <summary>
/// The module's sense of time for the commit deadline and the nightly hour (the engine's monotonic clock and wall clock). Virtual in scripted runs: it
/// stands still until `wait` advances it, so a script's outcome never depends on the host's speed. Real
/// when interactive: host monotonic time (and `wait` really waits).
/// </summary>
public sealed class SimClock : IMonotonicClock, IWallClock
{
    readonly bool _virtual;
    readonly DateTime _startLocal;
    readonly long _startTicks;
    long _virtualMilliseconds;

    public SimClock(bool isVirtual, DateTime startLocal)
    {
        _virtual = isVirtual;
        _startLocal = startLocal;
        _startTicks = Environment.TickCount64;
    }

    public bool IsVirtual => _virtual;

    /// <summary>Milliseconds since the simulator started (monotonic; never jumps back).</summary>
    public long Milliseconds => _virtual ? Interlocked.Read(ref _virtualMilliseconds) : Environment.TickCount64 - _startTicks;

    /// <summary>Local time of day on the module.</summary>
    public DateTime LocalNow => _startLocal.AddMilliseconds(Milliseconds);

    /// <summary>Waits (the HTTP client's polling, the restart delay): really, and on a virtual clock the module's time moves on too.</summary>
    public void Pause(int milliseconds)
    {
        Thread.Sleep(_virtual ? Math.Min(milliseconds, 10) : milliseconds);
        if (_virtual)
            Advance(milliseconds);
    }

    /// <summary>Moves virtual time on by milliseconds (scripted runs only).</summary>
    public void Advance(long milliseconds)
    {
        if (!_virtual)
            throw new InvalidOperationException("only a virtual clock can be advanced");
        Interlocked.Add(ref _virtualMilliseconds, milliseconds);
    }
}

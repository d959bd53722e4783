using OvmsOta.Ports;

namespace OvmsOta.Simulator.Module;

/// <summary>
/// One flash operation at a time: the file-backed flash seeks and reads, so the shell, the push listener and
/// the watchdog (separate threads in the simulator) must not interleave inside an operation. The device's
/// flash driver serialises the same way.
/// </summary>
public sealed class SynchronizedFlash(IFlash inner) : IFlash
{
    readonly object _gate = new();

    public int Size => inner.Size;

    public void Read(int address, byte[] buffer, int offset, int count)
    {
        lock (_gate)
            inner.Read(address, buffer, offset, count);
    }

    public void Write(int address, byte[] buffer, int offset, int count)
    {
        lock (_gate)
            inner.Write(address, buffer, offset, count);
    }

    public void EraseSector(int address)
    {
        lock (_gate)
            inner.EraseSector(address);
    }

    public void EraseBlock(int address)
    {
        lock (_gate)
            inner.EraseBlock(address);
    }
}

using OvmsOta.Ports;

namespace OvmsOta.Simulator.Module;

/// <summary>
/// One flash operation at a time: the file-backed flash seeks and reads, so the shell, the push listener and
/// the watchdog (separate threads in the simulator) must not interleave inside an operation. The device's
/// flash driver serialises the same way. Each boot's engine gets its own view (<see cref="ForNewBoot"/>): a
/// reset ends the previous view, so whatever the old engine still runs (a push mid-stream, a background update,
/// its config store) meets a power loss on its next access instead of writing the new boot's flash.
/// </summary>
public sealed class SynchronizedFlash(IFlash inner) : IFlash
{
    readonly object _gate = new();
    int _boot;

    public int Size => inner.Size;

    /// <summary>Ends every earlier view and returns the one for the boot that starts now.</summary>
    public IFlash ForNewBoot()
    {
        lock (_gate)
            return new BootScopedFlash(this, ++_boot);
    }

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

    /// <summary>Runs one operation for a boot's view, under the same lock as the reset that may end it.</summary>
    internal void Run(int boot, Action<IFlash> operation)
    {
        lock (_gate)
        {
            if (boot != _boot)
                throw new OvmsOta.Flash.PowerLossException("the module was reset: this engine's flash access ended with it");
            operation(inner);
        }
    }
}

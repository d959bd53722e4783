using OvmsOta.Ports;

namespace OvmsOta.Simulator.Module;

/// <summary>
/// The flash as one boot's engine sees it: every access throws <see cref="OvmsOta.Flash.PowerLossException"/> once
/// the module was reset (<see cref="SynchronizedFlash.ForNewBoot"/>), as a real reset stops the old firmware mid-step.
/// </summary>
public sealed class BootScopedFlash : IFlash
{
    readonly SynchronizedFlash _flash;
    readonly int _boot;

    internal BootScopedFlash(SynchronizedFlash flash, int boot)
    {
        _flash = flash;
        _boot = boot;
    }

    public int Size => _flash.Size;

    public void Read(int address, byte[] buffer, int offset, int count) => _flash.Run(_boot, f => f.Read(address, buffer, offset, count));

    public void Write(int address, byte[] buffer, int offset, int count) => _flash.Run(_boot, f => f.Write(address, buffer, offset, count));

    public void EraseSector(int address) => _flash.Run(_boot, f => f.EraseSector(address));

    public void EraseBlock(int address) => _flash.Run(_boot, f => f.EraseBlock(address));
}

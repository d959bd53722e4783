using OvmsOta.Simulation;

namespace OvmsOta.Simulator.Fuzz;

/// <summary>
/// The "a parser that rejects changes 0 bytes of flash" property: remembers a region's contents and the flash's
/// change counters once the input is in place, and afterwards names any write or erase and any changed byte.
/// </summary>
public sealed class FlashGuard
{
    readonly SimulatedFlash _flash;
    readonly int _address;
    readonly byte[] _before;

    public FlashGuard(SimulatedFlash flash, int address, int length)
    {
        _flash = flash;
        _address = address;
        _before = new byte[length];
        flash.Read(address, _before, 0, length);
        flash.Counters.Clear();
    }

    /// <summary>Throws <see cref="FuzzPropertyException"/> when anything was written or erased since the guard was made.</summary>
    public void AssertUnchanged(string what)
    {
        if (_flash.Counters.Total.Changes != 0)
            throw new FuzzPropertyException("no flash change", what + " changed flash: " + _flash.Counters.Total);
        var after = new byte[_before.Length];
        _flash.Read(_address, after, 0, after.Length);
        for (int i = 0; i < after.Length; i++)
        {
            if (after[i] != _before[i])
                throw new FuzzPropertyException("no flash change", what + " changed flash at 0x" + (_address + i).ToString("x"));
        }
    }
}

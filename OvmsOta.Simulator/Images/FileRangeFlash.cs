using OvmsOta.Ports;

namespace OvmsOta.Simulator.Images;

/// <summary>
/// The first size bytes of an open file seen through IFlash, read-only and read on demand, so the engine's flash
/// readers work on an image file of any length without loading it.
/// </summary>
public sealed class FileRangeFlash(FileStream file, int size) : IFlash
{
    public int Size => size;

    public void Read(int address, byte[] buffer, int offset, int count)
    {
        if (address < 0 || count < 0 || (long)address + count > size)
            throw new ArgumentOutOfRangeException(nameof(address), $"read of {count} bytes at 0x{address:x} is outside the {size} bytes of {file.Name}");
        file.Position = address;
        file.ReadExactly(buffer, offset, count);
    }

    public void Write(int address, byte[] buffer, int offset, int count) => throw new NotSupportedException("an image file is read-only here");

    public void EraseSector(int address) => throw new NotSupportedException("an image file is read-only here");

    public void EraseBlock(int address) => throw new NotSupportedException("an image file is read-only here");
}

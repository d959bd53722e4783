using OvmsOta.Flash;
using OvmsOta.Ports;
using OvmsOta.Simulation;

namespace OvmsOta.Simulator.Benchmarks;

/// <summary>
/// A flat in-memory NOR flash (write ANDs, erase sets 0xFF) that allocates nothing per operation, so an
/// allocation benchmark sees only what the engine allocates (SimulatedFlash's stores allocate sector arrays).
/// </summary>
internal sealed class ArrayFlash(int size) : IFlash
{
    private readonly byte[] _bytes = CreateErased(size);

    public int Size => _bytes.Length;

    public void Read(int address, byte[] buffer, int offset, int count) => Array.Copy(_bytes, address, buffer, offset, count);

    public void Write(int address, byte[] buffer, int offset, int count)
    {
        for (int i = 0; i < count; i++)
            _bytes[address + i] &= buffer[offset + i];
    }

    public void EraseSector(int address) => Array.Fill(_bytes, FlashGeometry.Erased, address, FlashGeometry.SectorSize);

    public void EraseBlock(int address) => Array.Fill(_bytes, FlashGeometry.Erased, address, FlashGeometry.BlockSize);

    private static byte[] CreateErased(int size)
    {
        var bytes = new byte[size];
        Array.Fill(bytes, FlashGeometry.Erased);
        return bytes;
    }
}

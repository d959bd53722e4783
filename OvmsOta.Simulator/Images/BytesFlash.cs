using OvmsOta.Ports;

namespace OvmsOta.Simulator.Images;

/// <summary>A file's bytes seen through IFlash, read-only, so the engine's flash readers work on image files.</summary>
public sealed class BytesFlash(byte[] bytes) : IFlash
{
    public int Size => bytes.Length;

    public void Read(int address, byte[] buffer, int offset, int count) => Array.Copy(bytes, address, buffer, offset, count);

    public void Write(int address, byte[] buffer, int offset, int count) => throw new NotSupportedException("an image file is read-only here");

    public void EraseSector(int address) => throw new NotSupportedException("an image file is read-only here");

    public void EraseBlock(int address) => throw new NotSupportedException("an image file is read-only here");
}

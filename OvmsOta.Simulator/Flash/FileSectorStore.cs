using OvmsOta.Flash;
using OvmsOta.Simulation;

namespace OvmsOta.Simulator.Flash;

/// <summary>
/// Sectors of a flash image file (normally the 16 MB of an OVMS module), for <see cref="SimulatedFlash"/>:
/// the NOR rules stay in SimulatedFlash, this only loads and stores 4 KB sectors. A new image is all 0xFF.
/// </summary>
public sealed class FileSectorStore : ISectorStore, IDisposable
{
    private const int SectorSize = FlashGeometry.SectorSize;
    private readonly FileStream _file;

    private FileSectorStore(FileStream file)
    {
        if (file.Length == 0 || file.Length % SectorSize != 0)
        {
            long length = file.Length;
            file.Dispose();
            throw new InvalidDataException($"a flash image must be a non-empty multiple of 4096 bytes; this one has {length}");
        }
        _file = file;
    }

    /// <summary>Opens an existing image; writable unless readOnly.</summary>
    public static FileSectorStore Open(string path, bool readOnly = false) =>
        new(new FileStream(path, FileMode.Open, readOnly ? FileAccess.Read : FileAccess.ReadWrite, readOnly ? FileShare.Read : FileShare.None));

    /// <summary>Creates (or replaces) an erased image of size bytes.</summary>
    public static FileSectorStore Create(string path, int size = FlashGeometry.DeviceSize)
    {
        var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None);
        var erased = Erased.NewBuffer(SectorSize);
        for (int written = 0; written < size; written += SectorSize)
            file.Write(erased, 0, SectorSize);
        file.Flush();
        return new FileSectorStore(file);
    }

    public int SectorCount => (int)(_file.Length / SectorSize);

    public byte[]? Load(int sector)
    {
        var data = new byte[SectorSize];
        _file.Position = (long)sector * SectorSize;
        _file.ReadExactly(data, 0, SectorSize);
        return Erased.IsErased(data, 0, SectorSize) ? null : data;
    }

    /// <summary>Straight from the file into the caller's buffer: the read-back of an update is one pread per sector.</summary>
    public void Read(int sector, int inSector, byte[] buffer, int offset, int count)
    {
        _file.Position = (long)sector * SectorSize + inSector;
        _file.ReadExactly(buffer, offset, count);
    }

    public void Store(int sector, byte[]? data)
    {
        _file.Position = (long)sector * SectorSize;
        _file.Write(data ?? Erased.NewBuffer(SectorSize), 0, SectorSize);
    }

    public void Dispose() => _file.Dispose();
}

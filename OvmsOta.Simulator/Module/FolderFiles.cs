using OvmsOta.Ports;

namespace OvmsOta.Simulator.Module;

/// <summary>
/// The simulated module's VFS: `/sd/...` and `/store/...` are folders beside the flash file (`ovmsota-sim/sd`,
/// `ovmsota-sim/store`), so an `ovms3.bin` copied into `ovmsota-sim/sd` is on the card at the next boot. Paths outside
/// those two mounts, or climbing out of them, do not exist.
/// </summary>
public sealed class FolderFiles(string root) : IFileAccess
{
    static readonly string[] Mounts = ["sd", "store"];

    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>The host path of a module path, or null when it lies outside /sd and /store.</summary>
    public string? HostPath(string path)
    {
        string[] parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || !Mounts.Contains(parts[0]) || parts.Any(p => p is "." or ".."))
            return null;
        return Path.Combine([Root, .. parts]);
    }

    public int Length(string path)
    {
        string? host = HostPath(path);
        if (host == null || !File.Exists(host))
            return -1;
        long length = new FileInfo(host).Length;
        return length > int.MaxValue ? int.MaxValue : (int)length;
    }

    public Stream OpenRead(string path)
    {
        string? host = HostPath(path);
        try
        {
            return host == null ? null! : File.OpenRead(host);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null!;
        }
    }

    public bool Delete(string path)
    {
        string? host = HostPath(path);
        if (host == null || !File.Exists(host))
            return false;
        try
        {
            File.Delete(host);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public bool Rename(string from, string to)
    {
        string? source = HostPath(from), target = HostPath(to);
        if (source == null || target == null || !File.Exists(source) || File.Exists(target))
            return false;
        try
        {
            File.Move(source, target);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}

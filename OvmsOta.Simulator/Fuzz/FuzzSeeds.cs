using OvmsOta.Simulator.Module;

namespace OvmsOta.Simulator.Fuzz;

/// <summary>Where seeds come from: the repository's partitions/ and, when present, the ESP-IDF-made golden files in
/// ../shared/reference/vectors (OVMSOTA_SHARED overrides; a clone without them fuzzes from built seeds only).</summary>
public static class FuzzSeeds
{
    public static byte[]? Partitions(string name)
    {
        string path = Path.Combine(SimLayout.PartitionsFolder(), name);
        return File.Exists(path) ? File.ReadAllBytes(path) : null;
    }

    public static byte[]? Vector(string name)
    {
        string? folder = VectorsFolder();
        if (folder == null)
            return null;
        string path = Path.Combine(folder, name);
        return File.Exists(path) ? File.ReadAllBytes(path) : null;
    }

    /// <summary>The non-null ones.</summary>
    public static List<byte[]> Of(params byte[]?[] seeds) => seeds.Where(s => s != null).Select(s => s!).ToList();

    public static byte[] Text(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    static string? VectorsFolder()
    {
        string? shared = Environment.GetEnvironmentVariable("OVMSOTA_SHARED");
        if (!string.IsNullOrEmpty(shared) && Directory.Exists(Path.Combine(shared, "reference", "vectors")))
            return Path.Combine(shared, "reference", "vectors");
        foreach (string start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "shared", "reference", "vectors");
                if (Directory.Exists(candidate))
                    return candidate;
            }
        }
        return null;
    }
}

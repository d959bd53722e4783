using System;
using System.IO;

namespace OvmsOta.Tests.Host.Image;

/// <summary>Finds ../shared/reference: OVMSOTA_SHARED if set, else the first folder up from the test assembly holding shared/reference.</summary>
internal static class SharedReference
{
    public static string Vector(string name) => Path.Combine(Directory(), "vectors", name);

    public static string Directory()
    {
        string? fromEnv = Environment.GetEnvironmentVariable("OVMSOTA_SHARED");
        if (!string.IsNullOrEmpty(fromEnv))
            return Path.Combine(fromEnv, "reference");
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "reference");
            if (System.IO.Directory.Exists(candidate))
                return candidate;
        }
        throw new DirectoryNotFoundException("shared/reference not found above " + AppContext.BaseDirectory + "; set OVMSOTA_SHARED");
    }
}

using System;
using System.IO;

namespace OvmsOta.Tests.Host.Partitions;

/// <summary>Finds ../shared/reference (env OVMSOTA_SHARED, else walking up from the test assembly) and the repository root.</summary>
public static class SharedFiles
{
    public static string Vector(string name) => Path.Combine(Reference, "vectors", name);

    public static string Reference
    {
        get
        {
            string? env = Environment.GetEnvironmentVariable("OVMSOTA_SHARED");
            if (!string.IsNullOrEmpty(env) && Directory.Exists(Path.Combine(env, "reference")))
                return Path.Combine(env, "reference");
            return Path.Combine(WalkUp(dir => Directory.Exists(Path.Combine(dir, "shared", "reference"))), "shared", "reference");
        }
    }

    /// <summary>The repository's partitions/ folder.</summary>
    public static string PartitionsFolder =>
        Path.Combine(WalkUp(dir => File.Exists(Path.Combine(dir, "partitions", "ovms-v3-35.csv"))), "partitions");

    private static string WalkUp(Func<string, bool> found)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (found(dir.FullName))
                return dir.FullName;
        throw new DirectoryNotFoundException("not found above " + AppContext.BaseDirectory + " (set OVMSOTA_SHARED to the shared folder)");
    }
}

using OvmsOta.Flash;
using OvmsOta.Partitions;
using OvmsOta.Simulation;

namespace OvmsOta.Simulator.Module;

/// <summary>
/// The partition layouts a new simulated flash can get: the v3-35 layout of OVMS 3.3.006 and later (the
/// default), or the old v3-30 factory layout. The tables come from the repository's partitions/*.csv.
/// </summary>
public static class SimLayout
{
    public const string Modern = "v3-35";
    public const string Factory = "factory";
    /// <summary>OvmsOta's own device layout: each OTA slot (nanoCLR) paired with a deploy_N (the managed deployment).</summary>
    public const string Device = "device";

    public static readonly string[] Names = [Modern, Factory, Device];

    /// <summary>The CSV file name in partitions/ for a layout name.</summary>
    public static string CsvName(string layout) => layout switch
    {
        Modern => "ovms-v3-35.csv",
        Factory => "ovms-v3-30-factory.csv",
        Device => "ovmsota-device16M.csv",
        _ => throw new ArgumentException("--layout " + layout + ": expected " + string.Join(" or ", Names)),
    };

    /// <summary>The partition table of a layout, parsed from its CSV.</summary>
    public static PartitionTable Table(string layout)
    {
        string csv = Path.Combine(PartitionsFolder(), CsvName(layout));
        return PartitionCsv.Parse(File.ReadAllText(csv), FlashGeometry.DeviceSize);
    }

    /// <summary>
    /// partitions/ of the repository this program was built from (found above the program's folder, then above
    /// the current folder; OVMSOTA_PARTITIONS overrides).
    /// </summary>
    public static string PartitionsFolder()
    {
        string? fromEnv = Environment.GetEnvironmentVariable("OVMSOTA_PARTITIONS");
        if (!string.IsNullOrEmpty(fromEnv) && Directory.Exists(fromEnv))
            return fromEnv;
        foreach (string start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "partitions");
                if (File.Exists(Path.Combine(candidate, CsvName(Modern))))
                    return candidate;
            }
        }
        throw new DirectoryNotFoundException("partitions/" + CsvName(Modern) + " not found above " + AppContext.BaseDirectory
            + " or the current folder; set OVMSOTA_PARTITIONS to the repository's partitions folder");
    }
}

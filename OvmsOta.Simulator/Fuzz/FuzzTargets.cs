using OvmsOta.Simulator.Fuzz.Targets;

namespace OvmsOta.Simulator.Fuzz;

/// <summary>Every fuzz target, in the order `ovmsota fuzz` runs them.</summary>
public static class FuzzTargets
{
    public static IReadOnlyList<FuzzTarget> All() =>
    [
        new PartitionBinaryTarget(), new PartitionCsvTarget(), new OtaDataTarget(), new ImageTarget(), new ImageSlotTarget(),
        new HttpTarget(), new VersionFileTarget(), new UrlTarget(), new PushHeadTarget(), new PushTarget(), new ShellTarget(),
        new ConfigValueTarget(), new ConfigRegionTarget(), new GzipTarget(), new ZipTarget(),
    ];

    public static FuzzTarget? Find(string name) => All().FirstOrDefault(t => t.Name == name);
}

using System.CommandLine;

namespace OvmsOta.Simulator.Commands;

/// <summary>Every verb of `ovmsota`, one file each in this folder.</summary>
public static class ToolCommands
{
    public static IEnumerable<Command> All(TextWriter output, TextWriter error)
    {
        yield return Benchmarks.BenchCommand.Create(output, error);
        yield return ImageCommand.Create(output, error);
        yield return PartitionsCommand.Create(output, error);
        yield return OtaDataCommand.Create(output, error);
        yield return ServeCommand.Create(output, error);
        yield return BootCommand.Create(output, error);
        yield return PublishCommand.Create(output, error);
        yield return BundleCommand.Create(output, error);
        yield return SigningCommands.Keygen(output, error);
        yield return SimCommand.Create(output, error);
        yield return Fuzz.FuzzCommand.Create(output, error);
    }
}

using System.CommandLine;

namespace OvmsOta.Simulator.Commands;

/// <summary>Every verb of `ovmsota`, one file each in this folder.</summary>
public static class ToolCommands
{
    public static IEnumerable<Command> All(TextWriter output, TextWriter error)
    {
        yield return ServeCommand.Create(output, error);
    }
}

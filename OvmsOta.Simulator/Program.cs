using System.CommandLine;
using OvmsOta.Simulator.Commands;

namespace OvmsOta.Simulator;

public static class Program
{
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>
    /// Runs one `ovmsota` invocation; tests call this in-process with their own writers. Each verb answers the inputs it
    /// knows to be bad itself; anything that still escapes one is reported in one line with exit 1, never a stack trace.
    /// </summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("ovmsota: OVMS v3 over-the-air updates on a desk, and the tools around them");
        foreach (var command in ToolCommands.All(output, error))
            root.Subcommands.Add(command);
        var config = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            return root.Parse(args).Invoke(config);
        }
        catch (Exception e)
        {
            error.WriteLine($"Error ({e.GetType().Name}): {OneLine(e.Message)}");
            return 1;
        }
    }

    static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}

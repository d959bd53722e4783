using System.CommandLine;

namespace OvmsOta.Simulator.Benchmarks;

/// <summary>`ovmsota bench [NAME]`: runs every registered benchmark, or the one named; `--list` names them.</summary>
public static class BenchCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var name = new Argument<string?>("name") { Description = "benchmark to run (all when omitted)", Arity = ArgumentArity.ZeroOrOne };
        var list = new Option<bool>("--list", "-l") { Description = "list the benchmarks instead of running them" };
        var command = new Command("bench", "run host benchmarks and print their figures");
        command.Arguments.Add(name);
        command.Options.Add(list);
        command.SetAction(parseResult => Run(parseResult.GetValue(name), parseResult.GetValue(list), output, error));
        return command;
    }

    private static int Run(string? name, bool listOnly, TextWriter output, TextWriter error)
    {
        if (BenchmarkRegistry.All.Count == 0)
        {
            output.WriteLine("no benchmarks registered yet");
            return 0;
        }
        if (listOnly)
        {
            foreach (var benchmark in BenchmarkRegistry.All)
                output.WriteLine($"{benchmark.Name,-20} {benchmark.Description}");
            return 0;
        }
        if (name is null)
        {
            foreach (var benchmark in BenchmarkRegistry.All)
                benchmark.Run(output);
            return 0;
        }
        var chosen = BenchmarkRegistry.Find(name);
        if (chosen is null)
        {
            error.WriteLine($"no benchmark named '{name}'; known: {string.Join(", ", BenchmarkRegistry.All.Select(b => b.Name))}");
            return 1;
        }
        chosen.Run(output);
        return 0;
    }
}

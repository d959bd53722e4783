using System.CommandLine;

namespace OvmsOta.Simulator.Fuzz;

/// <summary>`ovmsota fuzz [TARGET] [--iterations N] [--seed S]`: runs the fuzz targets, prints execs/s and findings per
/// target, and exits non-zero on a finding (each printed with its minimized input in hex, and saved under --out).</summary>
public static class FuzzCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var target = new Argument<string?>("target")
        {
            Description = "one target (default: all): " + string.Join(", ", FuzzTargets.All().Select(t => t.Name)),
            Arity = ArgumentArity.ZeroOrOne,
        };
        var iterations = new Option<long>("--iterations") { Description = "inputs per target", DefaultValueFactory = _ => 100_000 };
        var seed = new Option<int>("--seed") { Description = "random seed (the same seed replays the same inputs)", DefaultValueFactory = _ => 1 };
        var outDir = new Option<string?>("--out") { Description = "folder to save each finding's input in (TARGET-N.bin)" };
        var command = new Command("fuzz", "fuzz every parser of outside input: only its own typed error may escape, bounded time and memory, no flash change on a rejection");
        command.Arguments.Add(target);
        command.Options.Add(iterations);
        command.Options.Add(seed);
        command.Options.Add(outDir);
        command.SetAction(parse => Run(parse.GetValue(target), parse.GetValue(iterations), parse.GetValue(seed), parse.GetValue(outDir), output, error));
        return command;
    }

    static int Run(string? name, long iterations, int seed, string? outDir, TextWriter output, TextWriter error)
    {
        if (iterations < 1)
        {
            error.WriteLine("ovmsota fuzz: --iterations must be at least 1, got " + iterations);
            return 2;
        }
        IReadOnlyList<FuzzTarget> targets = FuzzTargets.All();
        if (name != null)
        {
            FuzzTarget? one = FuzzTargets.Find(name);
            if (one == null)
            {
                error.WriteLine("ovmsota fuzz: unknown target '" + name + "'; targets: " + string.Join(", ", targets.Select(t => t.Name)));
                return 2;
            }
            targets = [one];
        }
        var runner = new FuzzRunner
        {
            OnHang = (t, input) =>
            {
                error.WriteLine("ovmsota fuzz: " + t.Name + ": one input has run for more than 30 s (hang); input hex: " + Convert.ToHexString(input).ToLowerInvariant());
                error.Flush();
                Environment.Exit(3);
            },
        };
        int findings = 0;
        output.WriteLine($"fuzz: {iterations} inputs per target, seed {seed}");
        foreach (FuzzTarget t in targets)
        {
            FuzzReport report = runner.Run(t, iterations, seed);
            output.WriteLine(report.Summary);
            output.Flush();
            foreach (FuzzFinding finding in report.Findings)
            {
                findings++;
                output.WriteLine("  FINDING " + finding);
                if (outDir != null)
                {
                    Directory.CreateDirectory(outDir);
                    string path = Path.Combine(outDir, t.Name + "-" + findings + ".bin");
                    File.WriteAllBytes(path, finding.Input);
                    output.WriteLine("  saved to " + path);
                }
            }
        }
        output.WriteLine(findings == 0 ? "fuzz: no findings" : $"fuzz: {findings} finding(s)");
        return findings == 0 ? 0 : 1;
    }
}

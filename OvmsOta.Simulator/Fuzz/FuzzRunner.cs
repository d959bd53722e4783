using System.Diagnostics;
using System.Text;
using FsCheck.Fluent;

namespace OvmsOta.Simulator.Fuzz;

/// <summary>
/// Runs one target for a number of inputs: FsCheck's generator (for text formats) and mutations of the seeds and of
/// inputs the parser accepted. Each input must end in success or one of the target's own errors, within the limits;
/// anything else is a finding, kept once per kind (exception type and throwing method) and minimized.
/// Deterministic for a seed (apart from the time limit).
/// </summary>
public sealed class FuzzRunner(FuzzLimits limits)
{
    const int CorpusLimit = 512;
    const int GrammarBatch = 256;
    const int MinimizeBudget = 4000;

    public FuzzRunner() : this(new FuzzLimits()) { }

    /// <summary>Called with the input when one input runs past <see cref="FuzzLimits.HangAfter"/> (it may never return);
    /// the command prints it and exits. Null: no watchdog.</summary>
    public Action<FuzzTarget, byte[]>? OnHang { get; init; }

    public FuzzReport Run(FuzzTarget target, long iterations, int seed)
    {
        var random = new Random(seed);
        var mutator = new Mutator(random);
        var corpus = target.Seeds().Select(s => Cap(target, s)).ToList();
        var grammar = new Queue<byte[]>();
        var findings = new Dictionary<string, FuzzFinding>();
        int rejected = 0;
        byte[] current = [];
        long started = 0;
        using var watchdog = OnHang == null ? null : new Timer(_ =>
        {
            long at = Interlocked.Read(ref started);
            if (at != 0 && Stopwatch.GetElapsedTime(at) > limits.HangAfter)
                OnHang(target, Volatile.Read(ref current));
        }, null, 1000, 1000);

        var clock = Stopwatch.StartNew();
        long executions = 0;
        for (; executions < iterations; executions++)
        {
            byte[] input = Next(target, random, mutator, corpus, grammar);
            Volatile.Write(ref current, input);
            Interlocked.Exchange(ref started, Stopwatch.GetTimestamp());
            Outcome outcome = Check(target, input);
            Interlocked.Exchange(ref started, 0);
            if (outcome.Problem != null)
            {
                if (!findings.ContainsKey(outcome.Kind!))
                    findings[outcome.Kind!] = new FuzzFinding(target.Name, Minimize(target, input, outcome.Kind!), outcome.Problem);
            }
            else if (outcome.Rejected)
                rejected++;
            else if (corpus.Count < CorpusLimit)
                corpus.Add(input);
            else
                corpus[random.Next(corpus.Count)] = input;
        }
        return new FuzzReport(target.Name, executions, clock.Elapsed, findings.Values.ToList(), rejected);
    }

    /// <summary>What one input did: accepted, rejected with an allowed error, or a problem (with its kind).</summary>
    public readonly record struct Outcome(bool Rejected, string? Problem, string? Kind);

    /// <summary>Runs one input and judges it against the target's properties and the limits.</summary>
    public Outcome Check(FuzzTarget target, byte[] input)
    {
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        long start = Stopwatch.GetTimestamp();
        Outcome outcome;
        try
        {
            target.Execute(input);
            outcome = new Outcome(false, null, null);
        }
        catch (FuzzPropertyException e)
        {
            outcome = new Outcome(false, "property broken: " + e.Message, "property " + e.Property);
        }
        catch (Exception e) when (target.IsAllowed(e))
        {
            outcome = new Outcome(true, null, null);
        }
        catch (Exception e)
        {
            string where = ThrowingMethod(e);
            outcome = new Outcome(false, e.GetType().Name + " (not allowed: " + target.AllowedText + "): " + e.Message + " at " + where,
                e.GetType().FullName + " " + where);
        }
        TimeSpan took = Stopwatch.GetElapsedTime(start);
        long bytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
        if (outcome.Problem == null && took > limits.TimePerInput)
            return new Outcome(false, "one input took " + (int)took.TotalMilliseconds + " ms (limit " + (int)limits.TimePerInput.TotalMilliseconds + " ms)", "slow");
        if (outcome.Problem == null && bytes > limits.AllocationPerInput)
            return new Outcome(false, "one input allocated " + bytes + " bytes (limit " + limits.AllocationPerInput + ")", "memory");
        return outcome;
    }

    byte[] Next(FuzzTarget target, Random random, Mutator mutator, List<byte[]> corpus, Queue<byte[]> grammar)
    {
        if (target.Grammar != null && (corpus.Count == 0 || random.Next(2) == 0))
        {
            if (grammar.Count == 0)
            {
                var rnd = new FsCheck.Rnd((ulong)random.NextInt64(), 0x9E3779B97F4A7C15UL);
                foreach (string text in target.Grammar.Sample(1 + random.Next(100), rnd, GrammarBatch))
                    grammar.Enqueue(Cap(target, Encoding.UTF8.GetBytes(text)));
            }
            byte[] generated = grammar.Dequeue();
            return random.Next(4) == 0 ? mutator.Mutate(generated, corpus, target.MaxInputLength) : generated;
        }
        if (corpus.Count == 0)
            return mutator.Mutate([], corpus, target.MaxInputLength);
        return mutator.Mutate(corpus[random.Next(corpus.Count)], corpus, target.MaxInputLength);
    }

    /// <summary>The shortest input found (by deleting runs, halving their length down to single bytes) with the same kind of problem.</summary>
    public byte[] Minimize(FuzzTarget target, byte[] input, string kind)
    {
        if (kind == "slow")
            return input; // re-running slow inputs thousands of times is what we must not do
        int budget = MinimizeBudget;
        byte[] best = input;
        for (int chunk = Math.Max(1, best.Length / 2); chunk >= 1 && budget > 0; chunk /= 2)
        {
            for (int at = 0; at < best.Length && budget > 0; budget--)
            {
                byte[] candidate = [.. best.AsSpan(0, at), .. best.AsSpan(Math.Min(best.Length, at + chunk))];
                if (Check(target, candidate).Kind == kind)
                    best = candidate;
                else
                    at += chunk;
            }
        }
        return best;
    }

    static byte[] Cap(FuzzTarget target, byte[] input) => input.Length <= target.MaxInputLength ? input : input[..target.MaxInputLength];

    static string ThrowingMethod(Exception e)
    {
        var frame = new StackTrace(e).GetFrames().FirstOrDefault();
        var method = frame?.GetMethod();
        return method == null ? "?" : method.DeclaringType?.Name + "." + method.Name;
    }
}

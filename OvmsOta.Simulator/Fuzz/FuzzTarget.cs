using FsCheck;

namespace OvmsOta.Simulator.Fuzz;

/// <summary>
/// One parser that reads outside input, as the fuzzer drives it. <see cref="Execute"/> feeds it one input; the
/// parser may answer with its own typed error (<see cref="AllowedErrors"/>) and nothing else. A target that checks
/// more (no flash change on a rejection) throws <see cref="FuzzPropertyException"/> when that breaks.
/// </summary>
public abstract class FuzzTarget
{
    /// <summary>The name `ovmsota fuzz TARGET` takes.</summary>
    public abstract string Name { get; }

    /// <summary>What is parsed, for the command's help and the README.</summary>
    public abstract string Description { get; }

    /// <summary>The exception types the parser promises (subclasses included); empty: it must never throw.</summary>
    public abstract Type[] AllowedErrors { get; }

    /// <summary>Inputs longer than this are cut: the parser's callers bound what they hand it, and so memory per input is bounded.</summary>
    public virtual int MaxInputLength => 4096;

    /// <summary>Valid (and some invalid) inputs the mutations start from: the project's vectors and what ImageBuilder makes.</summary>
    public abstract IReadOnlyList<byte[]> Seeds();

    /// <summary>An FsCheck generator of structured inputs (text formats), or null for byte formats fuzzed by mutation only.</summary>
    public virtual Gen<string>? Grammar => null;

    /// <summary>Runs the parser on one input.</summary>
    public abstract void Execute(byte[] input);

    public bool IsAllowed(Exception e)
    {
        foreach (Type type in AllowedErrors)
        {
            if (type.IsInstanceOfType(e))
                return true;
        }
        return false;
    }

    public string AllowedText => AllowedErrors.Length == 0 ? "none (must not throw)" : string.Join(", ", AllowedErrors.Select(t => t.Name));
}

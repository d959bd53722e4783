using FsCheck;
using FsCheck.Fluent;

namespace OvmsOta.Simulator.Fuzz;

/// <summary>FsCheck generators for the text formats: sequences of a format's own tokens, hostile characters and numbers.</summary>
public static class TextGrammar
{
    /// <summary>Characters parsers trip over: controls, separators, quotes, non-ASCII, a lone surrogate.</summary>
    public static readonly string[] Hostile = ["\0", "\x1b", "\a", "\r", "\n", "\t", " ", "\"", "'", "\\", "%", "%00", "é", "\uFFFD", "\uD800", "€", "\u202E"];

    public static readonly string[] Numbers = ["0", "-1", "1", "00", "0x10", "2147483647", "2147483648", "-2147483648", "99999999999999999999", "1e9", "NaN", "+5", " 7", "0x", "1k", "4M", "0x8000", "0x7fffffff"];

    /// <summary>Up to maxTokens tokens drawn from the format's words plus numbers and hostile characters, joined by nothing.</summary>
    public static Gen<string> Tokens(string[] words, int maxTokens)
    {
        Gen<string> token = Gen.Frequency(
            (6, Gen.Elements(words)),
            (2, Gen.Elements(Numbers)),
            (1, Gen.Elements(Hostile)),
            (1, Gen.Choose(0, 0x7F).Select(c => ((char)c).ToString())));
        return Gen.Choose(0, maxTokens).SelectMany(n => Gen.ArrayOf(token, n)).Select(parts => string.Concat(parts));
    }

    /// <summary>lines: each from lineGen, joined by CRLF or LF.</summary>
    public static Gen<string> Lines(Gen<string> lineGen, int maxLines, string[] separators) =>
        Gen.Choose(0, maxLines).SelectMany(n => Gen.ArrayOf(lineGen, n)).SelectMany(lines =>
            Gen.Elements(separators).Select(sep => string.Join(sep, lines)));
}

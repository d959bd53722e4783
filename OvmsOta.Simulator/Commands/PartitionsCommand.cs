using System.CommandLine;
using System.Text;
using OvmsOta.Flash;
using OvmsOta.Partitions;
using OvmsOta.Simulation;

namespace OvmsOta.Simulator.Commands;

/// <summary>`ovmsota partitions FILE.csv|FILE.bin [-o OUT.bin|OUT.csv]`: print a partition table and convert it, like gen_esp32part.py.</summary>
public static class PartitionsCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("file") { Description = "partition table: a gen_esp32part CSV, or a binary (0xC00 bytes as at 0x8000)" };
        var outFile = new Option<string>("--out", "-o") { Description = "write the table to OUT.bin (binary) or OUT.csv" };
        var command = new Command("partitions", "print an ESP-IDF partition table and convert it between CSV and binary");
        command.Arguments.Add(file);
        command.Options.Add(outFile);
        command.SetAction(parseResult => Run(parseResult.GetValue(file)!, parseResult.GetValue(outFile), output, error));
        return command;
    }

    private static int Run(string path, string? outPath, TextWriter output, TextWriter error)
    {
        try
        {
            PartitionTable table = Load(path);
            Print(table, output);
            if (outPath != null)
                Save(table, outPath, output);
            return 0;
        }
        catch (Exception e) when (e is PartitionTableException or IOException or InvalidDataException or UnauthorizedAccessException or ArgumentException or FlashException)
        {
            error.WriteLine($"ovmsota partitions: {path}: {e.Message}");
            return 1;
        }
    }

    /// <summary>A binary when the name ends in .bin or the file starts with the entry magic (AA 50), else CSV.</summary>
    public static PartitionTable Load(string path)
    {
        byte[] data = File.ReadAllBytes(path);
        bool binary = path.EndsWith(".bin", StringComparison.OrdinalIgnoreCase) || (data.Length >= 2 && data[0] == 0xAA && data[1] == 0x50);
        if (binary)
            return PartitionTable.FromBinary(data, 0, data.Length, FlashGeometry.DeviceSize);
        return PartitionCsv.Parse(Encoding.UTF8.GetString(data), FlashGeometry.DeviceSize);
    }

    private static void Save(PartitionTable table, string outPath, TextWriter output)
    {
        if (outPath.EndsWith(".bin", StringComparison.OrdinalIgnoreCase))
        {
            table.Verify(FlashGeometry.DeviceSize);
            File.WriteAllBytes(outPath, table.ToBinary());
        }
        else if (outPath.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            File.WriteAllText(outPath, PartitionCsv.Format(table));
        else
            throw new ArgumentException($"cannot tell the output format of {outPath}: name it .bin or .csv");
        output.WriteLine($"Wrote {outPath}");
    }

    private static void Print(PartitionTable table, TextWriter output)
    {
        output.WriteLine("Name             Type Subtype  Offset     Size       Flags");
        for (int i = 0; i < table.Count; i++)
        {
            PartitionEntry p = table[i];
            output.WriteLine($"{p.Label,-16} {p.TypeName,-4} {p.SubtypeName,-8} 0x{p.Offset:x8} 0x{p.Size:x8} {Flags(p.Flags)}".TrimEnd());
        }
        output.WriteLine($"Partition type:  {OvmsLayouts.Describe(OvmsLayouts.Classify(table))}");
    }

    private static string Flags(int flags)
    {
        var names = new List<string>();
        if ((flags & PartitionEntry.FlagEncrypted) != 0) names.Add("encrypted");
        if ((flags & PartitionEntry.FlagReadOnly) != 0) names.Add("readonly");
        int unknown = flags & ~(PartitionEntry.FlagEncrypted | PartitionEntry.FlagReadOnly);
        if (unknown != 0) names.Add($"0x{unknown:x}");
        return string.Join(":", names);
    }
}

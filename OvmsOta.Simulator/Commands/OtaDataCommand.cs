using System.CommandLine;
using OvmsOta.Flash;
using OvmsOta.OtaData;
using OvmsOta.Partitions;
using OvmsOta.Simulation;
using OvmsOta.Simulator.Flash;

namespace OvmsOta.Simulator.Commands;

/// <summary>
/// `ovmsota otadata FILE`: the two otadata entries of a whole flash image (table at 0x8000) or of a bare 8 KB
/// otadata dump, whether each is valid, and the slot the bootloader would select.
/// </summary>
public static class OtaDataCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("file") { Description = "a flash image (partition table at 0x8000) or an 8 KB otadata dump" };
        var slots = new Option<int>("--ota-slots") { Description = "for a bare dump: number of OTA app slots (default 2, as OVMS)", DefaultValueFactory = _ => 2 };
        var factory = new Option<bool>("--factory") { Description = "for a bare dump: the table has a factory app" };
        var command = new Command("otadata", "show the otadata boot selection of a flash image or otadata dump");
        command.Arguments.Add(file);
        command.Options.Add(slots);
        command.Options.Add(factory);
        command.SetAction(parseResult => Run(parseResult.GetValue(file)!, parseResult.GetValue(slots), parseResult.GetValue(factory), output, error));
        return command;
    }

    private static int Run(string path, int otaSlots, bool hasFactory, TextWriter output, TextWriter error)
    {
        try
        {
            long length = new FileInfo(path).Length;
            if (length == OtaDataPartition.MinimumSize)
                return ShowDump(path, otaSlots, hasFactory, output);
            if (length > OtaDataPartition.MinimumSize && length % FlashGeometry.SectorSize == 0)
                return ShowImage(path, output);
            throw new InvalidDataException($"expected an 8192-byte otadata dump or a flash image (a multiple of 4096 bytes), got {length} bytes");
        }
        catch (Exception e) when (e is PartitionTableException or IOException or InvalidDataException or UnauthorizedAccessException or ArgumentException or FlashException)
        {
            error.WriteLine($"ovmsota otadata: {path}: {e.Message}");
            return 1;
        }
    }

    private static int ShowDump(string path, int otaSlots, bool hasFactory, TextWriter output)
    {
        if (otaSlots < 1 || otaSlots > PartitionTypes.AppOtaCount)
            throw new ArgumentException($"--ota-slots must be 1..16, got {otaSlots}");
        var flash = new SimulatedFlash(OtaDataPartition.MinimumSize);
        byte[] data = File.ReadAllBytes(path);
        flash.Write(0, data, 0, data.Length);
        var otadata = new OtaDataPartition(flash, new PartitionEntry("otadata", PartitionTypes.Data, PartitionTypes.DataOta, 0, data.Length, 0));
        output.WriteLine($"otadata dump ({otaSlots} OTA slots, {(hasFactory ? "factory" : "no factory")} assumed)");
        Show(otadata, otaSlots, hasFactory, output);
        return 0;
    }

    private static int ShowImage(string path, TextWriter output)
    {
        using FileSectorStore store = FileSectorStore.Open(path, readOnly: true);
        var flash = new SimulatedFlash(store, 1);
        PartitionTable table = PartitionTable.ReadFrom(flash, PartitionTable.DefaultOffset);
        PartitionEntry? entry = table.OtaData ?? throw new InvalidDataException("the partition table at 0x8000 has no otadata (data/ota) partition");
        output.WriteLine($"otadata at 0x{entry.Offset:x8} ({table.OtaSlotCount} OTA slots, {(table.Factory != null ? "factory" : "no factory")})");
        Show(new OtaDataPartition(flash, entry), table.OtaSlotCount, table.Factory != null, output);
        return 0;
    }

    private static void Show(OtaDataPartition otadata, int otaSlots, bool hasFactory, TextWriter output)
    {
        OtaEntry entry0 = otadata.ReadEntry(0), entry1 = otadata.ReadEntry(1);
        foreach (var (index, entry) in new[] { (0, entry0), (1, entry1) })
        {
            string slot = OtaSelection.IsValid(entry) ? $" -> {OtaSelection.SlotName(OtaSelection.SlotOf(entry.Seq, otaSlots))}" : "";
            output.WriteLine($"Entry {index}: {entry} [{(OtaSelection.IsValid(entry) ? "valid" : "invalid")}]{slot}");
        }
        int active = OtaSelection.ActiveEntry(entry0, entry1);
        output.WriteLine($"Active entry: {(active == OtaSelection.NoEntry ? "none" : active.ToString())}");
        output.WriteLine($"Bootloader selects: {OtaSelection.SlotName(OtaSelection.BootSlot(entry0, entry1, otaSlots, hasFactory))}");
    }
}

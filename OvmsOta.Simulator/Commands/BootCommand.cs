using System.CommandLine;
using OvmsOta.Flash;
using OvmsOta.Image;
using OvmsOta.Partitions;
using OvmsOta.Simulation;
using OvmsOta.Simulator.Flash;
using OvmsOta.Simulator.Hashing;

namespace OvmsOta.Simulator.Commands;

/// <summary>
/// `ovmsota boot FLASH.bin [--rollback] [--partitions TABLE]`: runs the bootloader model once, as the ESP32 would on
/// reset, prints the partition it boots, why, and its otadata writes, and writes them back to the file.
/// </summary>
public static class BootCommand
{
    public const int NoBootableImage = 2;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("file") { Description = "a 16 MB flash image (table at 0x8000), or with --partitions an 8 KB otadata dump" };
        var rollback = new Option<bool>("--rollback") { Description = "model a bootloader built with app rollback on (deployed OVMS bootloaders have it off)" };
        var partitions = new Option<string?>("--partitions") { Description = "partition table (.bin or .csv) for a bare otadata dump; every app slot then counts as valid" };
        var command = new Command("boot", "run the ESP-IDF bootloader's app selection once on a flash image or otadata dump");
        command.Arguments.Add(file);
        command.Options.Add(rollback);
        command.Options.Add(partitions);
        command.SetAction(parseResult => Run(parseResult.GetValue(file)!, parseResult.GetValue(rollback), parseResult.GetValue(partitions), output, error));
        return command;
    }

    private static int Run(string path, bool rollback, string? partitionsPath, TextWriter output, TextWriter error)
    {
        try
        {
            BootResult result = partitionsPath == null ? BootImage(path, rollback) : BootDump(path, partitionsPath, rollback);
            output.WriteLine($"Bootloader: rollback {(rollback ? "on" : "off")}");
            output.WriteLine($"Boots: {(result.Booted ? $"{result.Partition.Label} at 0x{result.Partition.Offset:x8} (size 0x{result.Partition.Size:x8})" : "nothing")}");
            output.WriteLine($"Why: {result.Reason}");
            if (result.Writes.Length == 0)
                output.WriteLine("otadata writes: none");
            foreach (string write in result.Writes)
                output.WriteLine($"otadata write: {write}");
            if (result.Booted)
                return 0;
            error.WriteLine($"ovmsota boot: {path}: no bootable image");
            return NoBootableImage;
        }
        catch (Exception e) when (e is PartitionTableException or IOException or InvalidDataException or UnauthorizedAccessException or ArgumentException or FlashException)
        {
            error.WriteLine($"ovmsota boot: {path}: {e.Message}");
            return 1;
        }
    }

    private static BootResult BootImage(string path, bool rollback)
    {
        long length = new FileInfo(path).Length;
        if (length != FlashGeometry.DeviceSize)
            throw new InvalidDataException($"expected a {FlashGeometry.DeviceSize}-byte flash image, got {length} bytes (use --partitions for an otadata dump)");
        using FileSectorStore store = FileSectorStore.Open(path);
        var flash = new SimulatedFlash(store, 1);
        PartitionTable table = PartitionTable.ReadFrom(flash, PartitionTable.DefaultOffset);
        var images = new SlotImageCheck(flash, HostDigests.Validator(), new byte[FlashGeometry.SectorSize]);
        return new BootloaderModel(flash, table, images, rollback).Boot();
    }

    private static BootResult BootDump(string path, string partitionsPath, bool rollback)
    {
        PartitionTable table = PartitionsCommand.Load(partitionsPath);
        PartitionEntry otadata = table.OtaData ?? throw new InvalidDataException($"{partitionsPath} has no otadata (data/ota) partition");
        byte[] dump = File.ReadAllBytes(path);
        if (dump.Length != otadata.Size)
            throw new InvalidDataException($"expected a {otadata.Size}-byte otadata dump (the table's otadata size), got {dump.Length} bytes");
        var flash = new SimulatedFlash(new MemorySectorStore(FlashGeometry.DeviceSize), 1);
        flash.Write(otadata.Offset, dump, 0, dump.Length);
        BootResult result = new BootloaderModel(flash, table, new EveryImageValid(), rollback).Boot();
        flash.Read(otadata.Offset, dump, 0, dump.Length);
        File.WriteAllBytes(path, dump);
        return result;
    }

    /// <summary>A bare otadata dump has no slots to verify: every app partition counts as holding a valid image.</summary>
    private sealed class EveryImageValid : IAppImageCheck
    {
        public bool HasValidImage(PartitionEntry slot) => true;
    }
}

using System.Text;
using FsCheck;
using FsCheck.Fluent;
using OvmsOta.Flash;
using OvmsOta.Partitions;
using OvmsOta.Simulation;

namespace OvmsOta.Simulator.Fuzz.Targets;

/// <summary>A partition table CSV as `ovmsota partitions FILE.csv` reads it (gen_esp32part's rules).</summary>
public sealed class PartitionCsvTarget : FuzzTarget
{
    static readonly string[] Words =
    [
        "nvs", "otadata", "ota_0", "ota_1", "factory", "store", "phy_init", "app", "data", "ota", "phy", "fat", "spiffs", "coredump",
        "test", "0x9000", "0xd000", "0x10000", "0x400000", "0x1000", "4M", "4K", "1M", "16K", ",", ", ", "#", "$flash_offset",
        "encrypted", "readonly", ":", "\n", "\r\n", "0x40", "0xFE", "-1", "0x",
    ];

    public override string Name => "partition-csv";
    public override string Description => "partition table CSV (PartitionCsv.Parse, then ToBinary/FromBinary)";
    public override Type[] AllowedErrors => [typeof(PartitionTableException)];

    public override IReadOnlyList<byte[]> Seeds() => FuzzSeeds.Of(
        FuzzSeeds.Partitions("ovms-v3-35.csv"), FuzzSeeds.Partitions("ovms-v3-30-factory.csv"), FuzzSeeds.Partitions("ovmsota-device16M.csv"),
        FuzzSeeds.Vector("esp-idf-partitions_two_ota.csv"), FuzzSeeds.Vector("ovms-partitions.csv"), FuzzSeeds.Vector("ovms-partitions16M-factory.csv"));

    public override Gen<string>? Grammar => TextGrammar.Lines(TextGrammar.Tokens(Words, 8), 8, ["\n", "\r\n"]);

    public override void Execute(byte[] input)
    {
        PartitionTable table = PartitionCsv.Parse(Encoding.UTF8.GetString(input), FlashGeometry.DeviceSize);
        PartitionBinaryTarget.Inspect(table);
        PartitionCsv.Format(table);
        PartitionTable.FromBinary(table.ToBinary(), 0, PartitionTable.MaxLength, FlashGeometry.DeviceSize).Verify(FlashGeometry.DeviceSize);
    }
}

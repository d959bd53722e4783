using OvmsOta.Config;
using OvmsOta.Flash;
using OvmsOta.Simulation;

namespace OvmsOta.Simulator.Fuzz.Targets;

/// <summary>The config region's two copies as found in flash at start (header, sequence, length, CRC, the key=value
/// payload): the store must open on anything, with a warning at worst, and reading writes nothing.</summary>
public sealed class ConfigRegionTarget : FuzzTarget
{
    const int CopySize = FlashGeometry.SectorSize;

    public override string Name => "config-region";
    public override string Description => "config region in flash (ConfigRegion.Read, ConfigEntries.Decode, ConfigStore at start)";
    public override Type[] AllowedErrors => [];
    public override int MaxInputLength => ConfigRegion.CopyCount * CopySize;

    public override IReadOnlyList<byte[]> Seeds()
    {
        var seeds = new List<byte[]>();
        var flash = new SimulatedFlash(new MemorySectorStore(2 * CopySize), 1);
        var store = new ConfigStore(new ConfigRegion(flash, 0, CopySize));
        seeds.Add(FuzzFlash.Read(flash, 0, 2 * CopySize));
        foreach (var (instance, value) in new[] { (ConfigParams.Server, "ota.example.com/fw"), (ConfigParams.Tag, "edge"),
            (ConfigParams.CommitTimeout, "120"), (ConfigParams.PushSecret, "0123456789abcdef0123"), (ConfigParams.HttpMru, "http://a/b c=d=e") })
        {
            store.Set(ConfigParams.Ota, instance, value);
            seeds.Add(FuzzFlash.Read(flash, 0, 2 * CopySize));
        }
        return seeds;
    }

    public override void Execute(byte[] input)
    {
        if (IntegrityFixup.Applies(input))
            input = IntegrityFixup.ConfigCrc(input, CopySize);
        var flash = new SimulatedFlash(new MemorySectorStore(2 * CopySize), 1);
        flash.Write(0, input, 0, input.Length);
        var guard = new FlashGuard(flash, 0, 2 * CopySize);
        var store = new ConfigStore(new ConfigRegion(flash, 0, CopySize));
        _ = store.Warning;
        foreach (string instance in new[] { ConfigParams.AutoHour, ConfigParams.Server, ConfigParams.Tag, ConfigParams.CommitTimeout,
            ConfigParams.CommitAuto, ConfigParams.PushSecret, ConfigParams.HttpMru })
            _ = store.Value(ConfigParams.Ota, instance);
        store.GetBool(ConfigParams.Auto, ConfigParams.AutoOta);
        store.GetInt(ConfigParams.Ota, ConfigParams.CommitTimeout);
        new ConfigCommand(store).ExecuteLine("config list ota");
        guard.AssertUnchanged("reading the config region");
    }
}

using System.Text;
using FsCheck;
using FsCheck.Fluent;
using OvmsOta.Config;
using OvmsOta.Flash;
using OvmsOta.Simulation;

namespace OvmsOta.Simulator.Fuzz.Targets;

/// <summary>Config values as `config set PARAM INSTANCE VALUE` hands them to the store (validation per kind: bool, int
/// range, server, tag, secret, text). Input: "param instance value" per line. A refused value writes nothing.</summary>
public sealed class ConfigValueTarget : FuzzTarget
{
    public override string Name => "config-value";
    public override string Description => "config values (ConfigStore.Set/Remove with ConfigValidation) on the config region";
    public override Type[] AllowedErrors => [typeof(ConfigException)];
    public override int MaxInputLength => 8192;

    static readonly string[] Instances =
        [ConfigParams.AutoOta, ConfigParams.AutoHour, ConfigParams.AllowModem, ConfigParams.Server, ConfigParams.Tag, ConfigParams.HttpMru,
         ConfigParams.VfsMru, ConfigParams.CommitTimeout, ConfigParams.CommitAuto, ConfigParams.PushSecret, "unknown", ""];

    public override IReadOnlyList<byte[]> Seeds() => new[]
    {
        "ota server ota.example.com/firmware\nota tag edge", "ota commit.timeout 120\nauto ota no", "ota push.secret 0123456789abcdef",
        "ota auto.hour 23\nota http.mru http://x/y", "ota server http://bad/\nota tag a/b",
    }.Select(FuzzSeeds.Text).ToList();

    public override Gen<string>? Grammar
    {
        get
        {
            Gen<string> line = Gen.Elements(ConfigParams.Ota, ConfigParams.Auto, "x").SelectMany(p => Gen.Elements(Instances).SelectMany(i =>
                TextGrammar.Tokens(["yes", "no", "true", "0", "1", "http://", "https://", "a.example", "/", ":", "edge", "eap", "main", "0123456789abcdef", " "], 8)
                    .Select(v => p + " " + i + " " + v)));
            return TextGrammar.Lines(line, 6, ["\n"]);
        }
    }

    public override void Execute(byte[] input)
    {
        var flash = new SimulatedFlash(new MemorySectorStore(4 * FlashGeometry.SectorSize), 1);
        var store = new ConfigStore(new ConfigRegion(flash, 0, FlashGeometry.SectorSize));
        var touched = new List<(string, string)>();
        ConfigException? refusal = null;
        foreach (string line in Encoding.UTF8.GetString(input).Split('\n'))
        {
            string[] words = line.Split(' ', 3);
            string param = words[0], instance = words.Length > 1 ? words[1] : "", value = words.Length > 2 ? words[2] : "";
            var guard = new FlashGuard(flash, 0, flash.Size);
            try
            {
                if (value.Length == 0)
                    store.Remove(param, instance);
                else
                    store.Set(param, instance, value);
                touched.Add((param, instance));
                _ = store.Value(param, instance);
            }
            catch (ConfigException e)
            {
                guard.AssertUnchanged("a refused config value");
                refusal = e;
            }
        }
        // What was stored reads back the same after a reboot.
        var again = new ConfigStore(new ConfigRegion(flash, 0, FlashGeometry.SectorSize));
        foreach (var (param, instance) in touched)
        {
            if (again.Stored(param, instance) != store.Stored(param, instance))
                throw new FuzzPropertyException("config reads back", "config " + param + " " + instance + " reads back as \"" + again.Stored(param, instance)
                    + "\" after a reboot, not \"" + store.Stored(param, instance) + "\"");
        }
        if (refusal != null)
            throw refusal; // counted as rejected; the later lines ran all the same
    }
}

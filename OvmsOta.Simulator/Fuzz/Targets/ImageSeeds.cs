using OvmsOta.Simulation;

namespace OvmsOta.Simulator.Fuzz.Targets;

/// <summary>App images to mutate: esptool's golden ones and ImageBuilder's (with and without the OVMS marker, small and mapped).</summary>
static class ImageSeeds
{
    public static List<byte[]> All()
    {
        var seeds = FuzzSeeds.Of(FuzzSeeds.Vector("esp32-app-minimal.bin"), FuzzSeeds.Vector("esp32-app-minimal-corrupt.bin"));
        seeds.Add(new ImageBuilder("3.3.005-925-g3e67d4e6d").Build());
        seeds.Add(new ImageBuilder("3.3.001") { OvmsMarker = false }.Build());
        seeds.Add(new ImageBuilder("3.3.002") { Size = 0x11000 }.Build());
        return seeds;
    }
}

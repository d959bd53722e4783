using OvmsOta.Firmware.Bindings;
using OvmsOta.Ports;

namespace OvmsOta.Tests.Portable.Bundle
{
    /// <summary>
    /// The JSON codec the portable bundle tests use, nanoFramework build: the firmware's own binding (its file is
    /// compiled into this project), so the tests exercise nanoFramework.Json on nanoCLR. The host build compiles
    /// Host/Bundle/PortableJson.cs instead.
    /// </summary>
    public static class PortableJson
    {
        public static readonly string Binding = "nanoFramework.Json";

        public static IJsonCodec Codec()
        {
            return new NanoJsonCodec();
        }
    }
}

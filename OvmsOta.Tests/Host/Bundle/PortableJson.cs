using OvmsOta.Ports;
using OvmsOta.Simulator.Json;

namespace OvmsOta.Tests.Portable.Bundle
{
    /// <summary>
    /// The JSON codec the portable bundle tests use, host build: System.Text.Json. The nanoFramework build of the same
    /// tests (NFUnitTest.Update) compiles NFUnitTest.Update/PortableJson.cs instead, which gives nanoFramework.Json.
    /// </summary>
    public static class PortableJson
    {
        public static readonly string Binding = "System.Text.Json";

        public static IJsonCodec Codec()
        {
            return new SystemTextJsonCodec();
        }
    }
}

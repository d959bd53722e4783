namespace OvmsOta.Bundle
{
    /// <summary>A native library nanoCLR provides: its assembly name and native methods checksum ("0x1A2B3C4D").</summary>
    public sealed class NativeChecksum
    {
        public string Name { get; set; }

        public string Checksum { get; set; }
    }
}

namespace OvmsOta.Bundle
{
    /// <summary>
    /// One assembly of the deployment as `bundle make` read its header: name, version and the native methods checksum
    /// it needs ("0x00000000": none).
    /// </summary>
    public sealed class DeployAssembly
    {
        public string Name { get; set; }

        public string Version { get; set; }

        public string NativeChecksum { get; set; }
    }
}

namespace OvmsOta.Bundle
{
    /// <summary>
    /// manifest.json, the first entry of a bundle, as <see cref="OvmsOta.Ports.IJsonCodec"/> reads it (names match
    /// the JSON fields without regard to case). Checked by <see cref="ManifestReader"/>; see Bundle/README.md.
    /// </summary>
    public sealed class BundleManifest
    {
        /// <summary>The firmware's name ("ovmsota").</summary>
        public string Name { get; set; }

        /// <summary>OVMS-style version ("3.3.005-2-gabc1234"), compared with strverscmp as OVMS does.</summary>
        public string Version { get; set; }

        /// <summary>What the bundle is for ("ovmsota-device"); may be absent.</summary>
        public string Product { get; set; }

        /// <summary>Free text naming the build (bundle make writes the time and the parts' hashes); may be absent.</summary>
        public string BuildId { get; set; }

        public BundleParts Parts { get; set; }
    }
}

namespace OvmsOta.Bundle
{
    /// <summary>The parts of a bundle by role (a JSON object keyed by role, as Mongoose OS's fw.zip manifest).</summary>
    public sealed class BundleParts
    {
        /// <summary>The nanoCLR ESP32 app image; goes to the inactive OTA slot ("target": "ota").</summary>
        public BundlePart App { get; set; }

        /// <summary>The managed deployment; goes to that slot's deploy_N ("target": "deploy").</summary>
        public BundlePart Deploy { get; set; }

        /// <summary>Optional read-only files of this build ("target": "files").</summary>
        public BundlePart Files { get; set; }
    }
}

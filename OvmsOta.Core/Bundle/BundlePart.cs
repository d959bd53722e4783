namespace OvmsOta.Bundle
{
    /// <summary>One part of a bundle: which ZIP entry holds it, its size and SHA-256, where it goes.</summary>
    public sealed class BundlePart
    {
        /// <summary>The ZIP entry's name ("app.bin").</summary>
        public string Src { get; set; }

        public long Size { get; set; }

        /// <summary>64 lower-case hex digits.</summary>
        public string Sha256 { get; set; }

        /// <summary>Where it goes: "ota" (app), "deploy" (deployment), "files".</summary>
        public string Target { get; set; }

        /// <summary>App part only: the native libraries this nanoCLR provides, with their checksums.</summary>
        public NativeChecksum[] Natives { get; set; }

        /// <summary>Deploy part only: the assemblies in the deployment, in order, with the native checksum each needs.</summary>
        public DeployAssembly[] Assemblies { get; set; }
    }
}

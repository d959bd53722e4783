using OvmsOta.Bundle;
using OvmsOta.Image;
using OvmsOta.Ports;

namespace OvmsOta.Simulation
{
    /// <summary>
    /// A firmware bundle in memory, for tests and the simulator's demo server: manifest.json (through the given JSON
    /// codec) first, then app.bin and deploy.bin, stored. <see cref="Demo"/> makes a plausible one: an app image from
    /// <see cref="ImageBuilder"/> and a deployment of three synthetic assemblies whose native checksums the manifest's
    /// nanoCLR provides. `ovmsota bundle make` builds real ones with .NET's ZipArchive.
    /// </summary>
    public sealed class BundleBuilder
    {
        public const string AppEntry = "app.bin";
        public const string DeployEntry = "deploy.bin";

        /// <summary>The native methods checksum of the demo's OvmsOta.Native (made up; it only has to match).</summary>
        public const uint DemoNativeChecksum = 0x5EED0A17;

        public BundleBuilder(string version, byte[] app, byte[] deploy, DeployAssembly[] assemblies)
        {
            Version = version;
            App = app;
            Deploy = deploy;
            Assemblies = assemblies;
            Name = "ovmsota";
            Product = "ovmsota-device";
        }

        public string Name { get; set; }
        public string Version { get; set; }
        public string Product { get; set; }
        public byte[] App { get; set; }
        public byte[] Deploy { get; set; }
        public DeployAssembly[] Assemblies { get; set; }

        /// <summary>What the app's nanoCLR provides (parts.app.natives); null leaves it out.</summary>
        public NativeChecksum[] Natives { get; set; }

        /// <summary>The manifest for the current parts (sizes and SHA-256 computed).</summary>
        public BundleManifest Manifest()
        {
            BundleManifest manifest = new BundleManifest();
            manifest.Name = Name;
            manifest.Version = Version;
            manifest.Product = Product;
            manifest.BuildId = "demo-" + Version;
            manifest.Parts = new BundleParts();
            manifest.Parts.App = Part(AppEntry, App, ManifestReader.AppTarget);
            manifest.Parts.App.Natives = CopyOf(Natives);
            manifest.Parts.Deploy = Part(DeployEntry, Deploy, ManifestReader.DeployTarget);
            manifest.Parts.Deploy.Assemblies = CopyOf(Assemblies);
            return manifest;
        }

        /// <summary>The bundle: manifest first (written by codec), then the parts.</summary>
        public byte[] Build(IJsonCodec codec)
        {
            return Zip(codec.ToJson(Manifest()), App, Deploy);
        }

        /// <summary>The bundle with its parts deflated (stored blocks of blockSize bytes; the manifest stays stored).</summary>
        public byte[] BuildDeflated(IJsonCodec codec, int blockSize)
        {
            return Zip(codec.ToJson(Manifest()), App, Deploy, blockSize);
        }

        /// <summary>A ZIP of the given manifest text and parts, in that order (tests break one of them).</summary>
        public static byte[] Zip(string manifestJson, byte[] app, byte[] deploy)
        {
            return Zip(manifestJson, app, deploy, 0);
        }

        // blockSize 0: the parts stored; else deflated as stored blocks of that size.
        private static byte[] Zip(string manifestJson, byte[] app, byte[] deploy, int blockSize)
        {
            StoredZip zip = new StoredZip();
            zip.Add(ManifestReader.EntryName, System.Text.Encoding.UTF8.GetBytes(manifestJson));
            if (blockSize == 0)
            {
                zip.Add(AppEntry, app);
                zip.Add(DeployEntry, deploy);
            }
            else
            {
                zip.AddDeflated(AppEntry, app, blockSize);
                zip.AddDeflated(DeployEntry, deploy, blockSize);
            }
            return zip.Bytes();
        }

        /// <summary>A demo bundle: an app image of about appSize bytes, three synthetic assemblies of codeSize bytes each.</summary>
        public static BundleBuilder Demo(string version, int appSize, int codeSize)
        {
            ImageBuilder image = new ImageBuilder(version);
            image.ProjectName = "nanoCLR";
            image.Size = appSize;
            string[] names = new string[] { "OvmsOta.Core", "OvmsOta.Native", "OvmsOta.Firmware" };
            uint[] natives = new uint[] { 0, DemoNativeChecksum, 0 };
            byte[][] assemblies = new byte[names.Length][];
            DeployAssembly[] listed = new DeployAssembly[names.Length];
            for (int i = 0; i < names.Length; i++)
            {
                assemblies[i] = SyntheticAssembly.Make(names[i], codeSize + 16 * i, natives[i], i + version.Length);
                listed[i] = new DeployAssembly();
                listed[i].Name = names[i];
                listed[i].Version = "1.0.0.0";
                listed[i].NativeChecksum = Hex.Format(natives[i]);
            }
            BundleBuilder builder = new BundleBuilder(version, image.Build(), SyntheticAssembly.Deployment(assemblies), listed);
            NativeChecksum provided = new NativeChecksum();
            provided.Name = "OvmsOta.Native";
            provided.Checksum = Hex.Format(DemoNativeChecksum);
            builder.Natives = new NativeChecksum[] { provided };
            return builder;
        }

        // Copies, so a test that edits a manifest cannot change the builder's bundle.
        private static NativeChecksum[] CopyOf(NativeChecksum[] natives)
        {
            if (natives == null)
                return null;
            NativeChecksum[] copy = new NativeChecksum[natives.Length];
            for (int i = 0; i < natives.Length; i++)
            {
                copy[i] = new NativeChecksum();
                copy[i].Name = natives[i].Name;
                copy[i].Checksum = natives[i].Checksum;
            }
            return copy;
        }

        private static DeployAssembly[] CopyOf(DeployAssembly[] assemblies)
        {
            DeployAssembly[] copy = new DeployAssembly[assemblies.Length];
            for (int i = 0; i < assemblies.Length; i++)
            {
                copy[i] = new DeployAssembly();
                copy[i].Name = assemblies[i].Name;
                copy[i].Version = assemblies[i].Version;
                copy[i].NativeChecksum = assemblies[i].NativeChecksum;
            }
            return copy;
        }

        private static BundlePart Part(string entry, byte[] data, string target)
        {
            BundlePart part = new BundlePart();
            part.Src = entry;
            part.Size = data.Length;
            ManagedSha256 sha = new ManagedSha256();
            sha.Update(data, 0, data.Length);
            byte[] digest = new byte[32];
            sha.Final(digest, 0);
            part.Sha256 = Hex.Digest(digest, 0, 32);
            part.Target = target;
            return part;
        }
    }
}

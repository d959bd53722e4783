namespace OvmsOta.Bundle
{
    /// <summary>
    /// Will the bundle's nanoCLR run its deployment? nanoCLR binds an assembly that has native methods only to a native
    /// library of the same name with the same native methods checksum; one without fails to load. The manifest says
    /// what each assembly needs (parts.deploy.assemblies[].nativeChecksum) and what the nanoCLR provides
    /// (parts.app.natives); a mismatch is refused before anything is written.
    /// </summary>
    public static class NativeCheck
    {
        public static void Check(BundleManifest manifest)
        {
            DeployAssembly[] assemblies = manifest.Parts.Deploy.Assemblies;
            NativeChecksum[] natives = manifest.Parts.App.Natives;
            for (int i = 0; i < assemblies.Length; i++)
            {
                uint needs = ManifestReader.ParseChecksum("nativeChecksum", assemblies[i].NativeChecksum);
                if (needs == 0)
                    continue;
                if (natives == null)
                    throw new BundleException(BundleError.NativeMismatch, "The bundle's " + assemblies[i].Name + " needs native methods (checksum "
                        + assemblies[i].NativeChecksum + ") but the manifest does not say which its nanoCLR provides (parts.app.natives)");
                NativeChecksum provided = Find(natives, assemblies[i].Name);
                if (provided == null)
                    throw new BundleException(BundleError.NativeMismatch, "The bundle's nanoCLR has no native library " + assemblies[i].Name
                        + ", which its deployment needs (checksum " + assemblies[i].NativeChecksum + ")");
                uint has = ManifestReader.ParseChecksum("checksum", provided.Checksum);
                if (has != needs)
                    throw new BundleException(BundleError.NativeMismatch, "The bundle's deployment needs " + assemblies[i].Name + " with native checksum "
                        + OvmsOta.Image.Hex.Format(needs) + "; its nanoCLR provides " + OvmsOta.Image.Hex.Format(has)
                        + ": the app and the deployment were not built together");
            }
        }

        private static NativeChecksum Find(NativeChecksum[] natives, string name)
        {
            for (int i = 0; i < natives.Length; i++)
            {
                if (natives[i].Name == name)
                    return natives[i];
            }
            return null;
        }
    }
}

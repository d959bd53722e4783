using System;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;

namespace OvmsOta.Tests.Host.NanoBuild
{
    /// <summary>
    /// The real nanoFramework mscorlib.dll, restored from the nanoFramework.CoreLibrary package (OvmsOta.Tests.csproj)
    /// and copied to nanoFramework/mscorlib.dll beside the test assembly. Nothing of it is committed.
    /// </summary>
    public static class NanoCoreLibrary
    {
        /// <summary>The package version the .nfproj files reference.</summary>
        public static readonly Version Version = new Version(1, 17, 11, 0);

        public static string Path => System.IO.Path.Combine(AppContext.BaseDirectory, "nanoFramework", "mscorlib.dll");

        private static readonly Lazy<MetadataReference> reference = new(() =>
        {
            if (!File.Exists(Path))
                throw new FileNotFoundException("the nanoFramework mscorlib.dll is not in the test output; restore OvmsOta.Tests.csproj"
                    + " (PackageReference nanoFramework.CoreLibrary copies lib/mscorlib.dll there)", Path);
            return MetadataReference.CreateFromFile(Path);
        });

        public static MetadataReference Reference => reference.Value;

        /// <summary>Name and version from the assembly's own metadata.</summary>
        public static (string Name, Version Version) ReadIdentity()
        {
            using var pe = new PEReader(File.OpenRead(Path));
            var metadata = pe.GetMetadataReader();
            var assembly = metadata.GetAssemblyDefinition();
            return (metadata.GetString(assembly.Name), assembly.Version);
        }
    }
}

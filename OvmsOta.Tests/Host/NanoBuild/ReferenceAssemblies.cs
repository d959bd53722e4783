using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace OvmsOta.Tests.Host.NanoBuild
{
    /// <summary>
    /// Reference assemblies for the nanoFramework class libraries other than mscorlib (none of which restores here):
    /// Reference/&lt;assembly&gt;/*.cs declare, with throw-null bodies, the types and members our device code uses,
    /// modelled on the library's public source at the package version the .nfproj files reference (each file names the
    /// repository and path it models). They compile against the real mscorlib and each other, as the real ones do.
    /// </summary>
    public static class ReferenceAssemblies
    {
        /// <summary>Each modelled assembly and the ones it references (as the real library's .nfproj does).</summary>
        public static readonly IReadOnlyDictionary<string, string[]> DependsOn = new Dictionary<string, string[]>
        {
            ["nanoFramework.Runtime.Events"] = new string[0],
            ["nanoFramework.Runtime.Native"] = new string[0],
            ["nanoFramework.System.Collections"] = new string[0],
            ["nanoFramework.System.Text"] = new string[0],
            ["System.Threading"] = new string[0],
            ["nanoFramework.TestFramework"] = new string[0],
            ["nanoFramework.UnitTestLauncher"] = new[] { "nanoFramework.TestFramework" },
            ["System.IO.Streams"] = new[] { "nanoFramework.System.Text" },
            ["nanoFramework.Hardware.Esp32"] = new[] { "nanoFramework.Runtime.Events" },
            ["nanoFramework.Json"] = new[] { "nanoFramework.System.Collections", "nanoFramework.System.Text", "System.IO.Streams" },
            ["System.Net"] = new[] { "nanoFramework.Runtime.Events", "nanoFramework.System.Text", "System.IO.Streams", "System.Threading" },
            ["System.Net.Http"] = new[] { "nanoFramework.Runtime.Events", "nanoFramework.System.Collections", "nanoFramework.System.Text",
                "System.IO.Streams", "System.Net", "System.Threading" },
        };

        public static string SourceRoot => RepositoryPaths.InProject("OvmsOta.Tests", "Host", "NanoBuild", "Reference");

        private static readonly Lazy<IReadOnlyDictionary<string, NanoCompilation>> built = new(BuildAll);

        /// <summary>Every model, compiled (in dependency order) against the real mscorlib.</summary>
        public static IReadOnlyDictionary<string, NanoCompilation> All => built.Value;

        /// <summary>The model of one assembly as a reference; throws naming the model when it is missing or broken.</summary>
        public static MetadataReference For(string assemblyName)
        {
            if (!All.TryGetValue(assemblyName, out var model))
                throw new InvalidOperationException("no reference model for " + assemblyName + ": add " + Path.Combine(SourceRoot, assemblyName)
                    + " and an entry in ReferenceAssemblies.DependsOn");
            if (!model.Succeeded)
                throw new InvalidOperationException("the reference model " + assemblyName + " does not compile against the real mscorlib:\n" + model.Describe());
            return model.AsReference();
        }

        /// <summary>The version the model declares ([assembly: AssemblyVersion] in its AssemblyInfo.cs).</summary>
        public static Version VersionOf(string assemblyName) => All[assemblyName].Compilation.Assembly.Identity.Version;

        /// <summary>Folders under Reference/ (each should be a key of DependsOn).</summary>
        public static IReadOnlyList<string> ModelFolders => Directory.GetDirectories(SourceRoot).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToList();

        private static IReadOnlyDictionary<string, NanoCompilation> BuildAll()
        {
            var done = new Dictionary<string, NanoCompilation>();
            foreach (string name in DependsOn.Keys)
                Build(name, done, new HashSet<string>());
            return done;
        }

        private static NanoCompilation Build(string name, Dictionary<string, NanoCompilation> done, HashSet<string> inProgress)
        {
            if (done.TryGetValue(name, out var existing))
                return existing;
            if (!inProgress.Add(name))
                throw new InvalidOperationException("reference models depend on each other in a cycle through " + name);

            var references = new List<MetadataReference> { NanoCoreLibrary.Reference };
            foreach (string dependency in DependsOn[name])
                references.Add(Build(dependency, done, inProgress).AsReference());

            string folder = Path.Combine(SourceRoot, name);
            var sources = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
                .OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => (NanoProject.RepositoryRelative(f), File.ReadAllText(f)));
            var compilation = NanoCompilation.Compile(name, OutputKind.DynamicallyLinkedLibrary,
                new CSharpParseOptions(LanguageVersion.CSharp9, preprocessorSymbols: new[] { "NANOFRAMEWORK_1_0" }),
                sources, references);
            done[name] = compilation;
            return compilation;
        }
    }
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace OvmsOta.Tests.Host.NanoBuild
{
    /// <summary>
    /// Compiles .nfproj files as the nanoFramework project system would, with Roslyn: the project's Compile items and
    /// settings (NanoProject), its Reference items resolved to the real mscorlib or a reference model, and its
    /// ProjectReferences compiled first and referenced as metadata. Each project is compiled once per test run.
    /// </summary>
    public static class DeviceBuild
    {
        private static readonly ConcurrentDictionary<string, Lazy<NanoCompilation>> compiled = new(StringComparer.Ordinal);

        /// <param name="nfprojPath">absolute, or relative to the repository root</param>
        public static NanoCompilation Compile(string nfprojPath) => Compile(nfprojPath, new List<string>());

        private static NanoCompilation Compile(string nfprojPath, List<string> chain)
        {
            string path = Path.GetFullPath(Path.IsPathRooted(nfprojPath) ? nfprojPath : RepositoryPaths.InProject(nfprojPath.Split('/')));
            if (chain.Contains(path))
                throw new InvalidOperationException("project references form a cycle: " + string.Join(" -> ", chain.Append(path).Select(NanoProject.RepositoryRelative)));
            var next = new List<string>(chain) { path };
            return compiled.GetOrAdd(path, p => new Lazy<NanoCompilation>(() => CompileOnce(p, next))).Value;
        }

        private static NanoCompilation CompileOnce(string path, List<string> chain)
        {
            var project = new NanoProject(path);
            var references = new List<MetadataReference>();
            foreach (var reference in project.References)
                references.Add(Resolve(project, reference));
            foreach (string dependency in project.ProjectReferences)
            {
                if (!File.Exists(dependency))
                    throw new FileNotFoundException(project.Name + " references a project that does not exist", dependency);
                references.Add(Compile(dependency, chain).AsReference());
            }

            var sources = project.SourceFiles.Select(f => File.Exists(f)
                ? (NanoProject.RepositoryRelative(f), File.ReadAllText(f))
                : throw new FileNotFoundException(project.Name + " lists a Compile item that does not exist", f));
            return NanoCompilation.Compile(project.AssemblyName, project.OutputKind, project.ParseOptions, sources, references,
                project.TreatWarningsAsErrors, project.AllowUnsafeBlocks);
        }

        /// <summary>mscorlib is the real one; any other assembly is its reference model, which must declare the version the project asks for.</summary>
        private static MetadataReference Resolve(NanoProject project, AssemblyIdentity reference)
        {
            if (reference.Name == "mscorlib")
            {
                if (reference.Version != NanoCoreLibrary.Version)
                    throw new InvalidOperationException(project.Name + " references mscorlib " + reference.Version
                        + " but the test restores nanoFramework.CoreLibrary " + NanoCoreLibrary.Version + " (OvmsOta.Tests.csproj)");
                return NanoCoreLibrary.Reference;
            }
            var model = ReferenceAssemblies.For(reference.Name);
            var modelled = ReferenceAssemblies.VersionOf(reference.Name);
            if (modelled != reference.Version)
                throw new InvalidOperationException(project.Name + " references " + reference.Name + " " + reference.Version
                    + " but its reference model declares " + modelled + ": check the model against that version's source and update its AssemblyInfo.cs");
            return model;
        }
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

using OvmsOta.Tests.Host.Conformance;

namespace OvmsOta.Tests.Host.NanoBuild
{
    /// <summary>
    /// What the nanoFramework project system would hand the compiler for one .nfproj, Release configuration
    /// (../shared/reference/nanoframework.md 1.2): LangVersion 9.0 unless the project sets its own, the symbols
    /// TRACE and NANOFRAMEWORK_1_0 plus the project's own, NoStdLib, the explicit Compile items, the Reference
    /// items and the ProjectReferences.
    /// </summary>
    public sealed class NanoProject
    {
        /// <summary>What NFProjectSystem.Default.props (Release) and NFProjectSystem.CSharp.targets define.</summary>
        private static readonly string[] ProjectSystemSymbols = { "TRACE", "NANOFRAMEWORK_1_0" };

        private readonly NfprojFile file;

        public NanoProject(string path)
        {
            file = new NfprojFile(System.IO.Path.GetFullPath(path));
        }

        public string Path => file.Path;

        /// <summary>Path from the repository root with / separators, as tests and messages name the project.</summary>
        public string Name => RepositoryRelative(Path);

        public string AssemblyName => file.Property("AssemblyName")
            ?? throw new InvalidOperationException(Name + " has no <AssemblyName>");

        public OutputKind OutputKind => file.Property("OutputType") switch
        {
            "Exe" => OutputKind.ConsoleApplication,
            "Library" or null => OutputKind.DynamicallyLinkedLibrary,
            string other => throw new InvalidOperationException(Name + ": OutputType " + other + " is not one nanoFramework builds"),
        };

        public LanguageVersion LanguageVersion
        {
            get
            {
                string text = file.Property("LangVersion") ?? "9.0";
                if (!LanguageVersionFacts.TryParse(text, out var version))
                    throw new InvalidOperationException(Name + ": LangVersion " + text + " is not one Roslyn knows");
                return version;
            }
        }

        public bool TreatWarningsAsErrors => string.Equals(file.Property("TreatWarningsAsErrors"), "true", StringComparison.OrdinalIgnoreCase);

        public bool AllowUnsafeBlocks => string.Equals(file.Property("AllowUnsafeBlocks"), "true", StringComparison.OrdinalIgnoreCase);

        /// <summary>The project system's symbols and the project's own (written as $(DefineConstants);MINE).</summary>
        public IReadOnlyList<string> PreprocessorSymbols => ProjectSystemSymbols
            .Concat((file.Property("DefineConstants") ?? "")
                .Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(s => s != "$(DefineConstants)"))
            .Distinct()
            .ToList();

        public CSharpParseOptions ParseOptions => new CSharpParseOptions(LanguageVersion, preprocessorSymbols: PreprocessorSymbols);

        /// <summary>Absolute paths of the Compile items, in the order the project lists them.</summary>
        public IReadOnlyList<string> SourceFiles => file.CompileItems
            .Select(item => System.IO.Path.GetFullPath(System.IO.Path.Combine(file.Directory, item)))
            .ToList();

        /// <summary>The simple names of the Reference items (mscorlib, System.Net.Http ...) with the version each asks for.</summary>
        public IReadOnlyList<AssemblyIdentity> References => file.References
            .Select(include => AssemblyIdentity.TryParseDisplayName(include, out var identity)
                ? identity
                : throw new InvalidOperationException(Name + ": cannot read the reference " + include))
            .ToList();

        /// <summary>Absolute paths of the referenced .nfproj files.</summary>
        public IReadOnlyList<string> ProjectReferences => file.ProjectReferences
            .Select(reference => System.IO.Path.GetFullPath(System.IO.Path.Combine(file.Directory, reference.Replace('\\', '/'))))
            .ToList();

        /// <summary>Every .nfproj in the repository (bin/obj excluded), by repository-relative path.</summary>
        public static IReadOnlyList<string> AllInRepository()
        {
            string root = RepositoryPaths.Root;
            return Directory.GetFiles(root, "*.nfproj", SearchOption.AllDirectories)
                .Select(RepositoryRelative)
                .Where(p => !p.Split('/').Any(part => part == "bin" || part == "obj" || part.StartsWith(".", StringComparison.Ordinal)))
                .OrderBy(p => p, StringComparer.Ordinal)
                .ToList();
        }

        public static string RepositoryRelative(string path) =>
            System.IO.Path.GetRelativePath(RepositoryPaths.Root, path).Replace('\\', '/');
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace OvmsOta.Tests.Host.Conformance
{
    /// <summary>The parts of a nanoFramework .nfproj (and its packages.config) the conformance tests compare.</summary>
    public sealed class NfprojFile
    {
        private static readonly XNamespace MsBuild = "http://schemas.microsoft.com/developer/msbuild/2003";

        private readonly XDocument document;

        public NfprojFile(string path)
        {
            Path = path;
            document = XDocument.Load(path);
        }

        public string Path { get; }

        public string Directory => System.IO.Path.GetDirectoryName(Path);

        /// <summary>Compile items, with / as separator, relative to the project folder.</summary>
        public IReadOnlyList<string> CompileItems => Items("Compile").Select(i => i.Replace('\\', '/')).ToList();

        public IReadOnlyList<string> ProjectReferences => Items("ProjectReference").ToList();

        /// <summary>Assembly references as written: "mscorlib, Version=1.17.11.0, Culture=neutral, PublicKeyToken=...".</summary>
        public IReadOnlyList<string> References => Items("Reference").ToList();

        /// <summary>Full paths of the .nfproj files this one references.</summary>
        public IReadOnlyList<string> ProjectReferencePaths =>
            ProjectReferences.Select(p => System.IO.Path.GetFullPath(System.IO.Path.Combine(Directory, p.Replace('\\', '/')))).ToList();

        public string AssemblyName => Property("AssemblyName");

        public bool IsTestProject => string.Equals(Property("IsTestProject"), "true", StringComparison.OrdinalIgnoreCase);

        /// <summary>Every assembly the device build may reference: the &lt;Reference&gt; names and the referenced projects' assemblies.</summary>
        public IReadOnlyList<string> DeclaredAssemblyReferences =>
            Items("Reference").Select(r => r.Split(',')[0].Trim())
                .Concat(ProjectReferencePaths.Select(p => new NfprojFile(p).AssemblyName))
                .ToList();

        public IReadOnlyList<string> HintPaths =>
            document.Descendants(MsBuild + "HintPath").Select(h => h.Value.Trim()).ToList();

        public string Property(string name) => document.Descendants(MsBuild + name).Select(e => e.Value.Trim()).FirstOrDefault();

        /// <summary>packages.config beside the project: "id version" pairs.</summary>
        public IReadOnlyList<(string Id, string Version)> Packages
        {
            get
            {
                string config = System.IO.Path.Combine(Directory, "packages.config");
                if (!File.Exists(config))
                    return Array.Empty<(string, string)>();
                return XDocument.Load(config).Root.Elements("package")
                    .Select(p => ((string)p.Attribute("id"), (string)p.Attribute("version")))
                    .ToList();
            }
        }

        private IEnumerable<string> Items(string itemType) =>
            document.Descendants(MsBuild + itemType).Select(e => (string)e.Attribute("Include"));

        /// <summary>Every .nfproj in the repository (bin and obj left out), sorted by path.</summary>
        public static IReadOnlyList<NfprojFile> AllIn(string repositoryRoot) =>
            System.IO.Directory.GetFiles(repositoryRoot, "*.nfproj", SearchOption.AllDirectories)
                .Where(p => !p.Split(System.IO.Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or ".git"))
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => new NfprojFile(p))
                .ToList();

        /// <summary>Every .cs file under folder, relative with / separators, minus excluded top-level subfolders.</summary>
        public static IReadOnlyList<string> SourceFilesUnder(string projectDirectory, string subfolder, params string[] excludedFolders)
        {
            string root = System.IO.Path.Combine(projectDirectory, subfolder);
            if (!System.IO.Directory.Exists(root))
                return Array.Empty<string>();
            var excluded = excludedFolders.Concat(new[] { "bin", "obj" }).Select(f => f + "/").ToArray();
            return System.IO.Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories)
                .Select(f => System.IO.Path.GetRelativePath(projectDirectory, f).Replace('\\', '/'))
                .Where(f => !excluded.Any(x => f.StartsWith(x, StringComparison.Ordinal)))
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToList();
        }
    }
}

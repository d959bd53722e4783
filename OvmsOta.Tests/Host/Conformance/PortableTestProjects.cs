using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

using OvmsOta.Tests.Host;

namespace OvmsOta.Tests.Host.Conformance
{
    /// <summary>
    /// The nanoFramework test projects the portable suite is split over (OvmsOta.Tests/NFUnitTest.*/), and the rule
    /// .ci/sync-nfproj writes their &lt;Compile&gt; lists by: the files directly under Portable/, every .cs in the
    /// folders of PortableTestFolders, and the single files of PortableTestHelpers (paths under Portable/, ';'-separated).
    /// </summary>
    public static class PortableTestProjects
    {
        public static string TestsFolder => RepositoryPaths.InProject("OvmsOta.Tests");

        public static string PortableFolder => Path.Combine(TestsFolder, "Portable");

        /// <summary>Every .nfproj one folder below OvmsOta.Tests/, as .ci/sync-nfproj finds them.</summary>
        public static IReadOnlyList<NfprojFile> All() =>
            Directory.GetDirectories(TestsFolder)
                .SelectMany(d => Directory.GetFiles(d, "*.nfproj"))
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => new NfprojFile(p))
                .ToList();

        /// <summary>Every .cs under Portable/, relative to OvmsOta.Tests/ with / separators ("Portable/Flash/TestBytes.cs").</summary>
        public static IReadOnlyList<string> PortableFiles() => NfprojFile.SourceFilesUnder(TestsFolder, "Portable");

        /// <summary>What project's &lt;Compile&gt; list must hold, relative to its folder ("../Portable/...").</summary>
        public static IReadOnlyList<string> ExpectedCompileItems(NfprojFile project)
        {
            var files = Directory.GetFiles(PortableFolder, "*.cs").ToList();
            foreach (var folder in Listed(project, "PortableTestFolders"))
            {
                string path = Path.Combine(PortableFolder, folder);
                if (!Directory.Exists(path))
                    throw new DirectoryNotFoundException(project.Path + ": PortableTestFolders names " + folder + ", which is not a folder under Portable/");
                files.AddRange(Directory.GetFiles(path, "*.cs", SearchOption.AllDirectories));
            }
            foreach (var helper in Listed(project, "PortableTestHelpers"))
            {
                string path = Path.Combine(PortableFolder, helper);
                if (!File.Exists(path))
                    throw new FileNotFoundException(project.Path + ": PortableTestHelpers names " + helper + ", which is not a file under Portable/", path);
                files.Add(path);
            }
            foreach (var device in DeviceTestSources(project))
            {
                string path = Path.GetFullPath(Path.Combine(project.Directory, device));
                if (!File.Exists(path))
                    throw new FileNotFoundException(project.Path + ": DeviceTestSources names " + device + ", which is not a file", path);
                files.Add(path);
            }
            return files.Select(f => Path.GetRelativePath(project.Directory, f).Replace('\\', '/'))
                .Distinct()
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToList();
        }

        /// <summary>The Portable files (as <see cref="PortableFiles"/> names them) that none of projects compiles.</summary>
        public static IReadOnlyList<string> Uncovered(IEnumerable<NfprojFile> projects)
        {
            var compiled = new HashSet<string>(
                projects.SelectMany(p => p.CompileItems.Select(i => Path.GetRelativePath(TestsFolder, Path.GetFullPath(Path.Combine(p.Directory, i))).Replace('\\', '/'))),
                StringComparer.Ordinal);
            return PortableFiles().Where(f => !compiled.Contains(f)).ToList();
        }

        /// <summary>
        /// Files only the device build of project compiles (relative to its folder, / separators): its per-build helpers
        /// and linked device bindings. Optional property.
        /// </summary>
        public static IReadOnlyList<string> DeviceTestSources(NfprojFile project) => Optional(project, "DeviceTestSources");

        /// <summary>What the host compile of project's list uses in place of <see cref="DeviceTestSources"/> (relative to OvmsOta.Tests/).</summary>
        public static IReadOnlyList<string> HostTestSources(NfprojFile project) => Optional(project, "HostTestSources");

        private static IReadOnlyList<string> Optional(NfprojFile project, string property) =>
            (project.Property(property) ?? string.Empty)
                .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(p => p.Replace('\\', '/'))
                .ToList();

        private static IEnumerable<string> Listed(NfprojFile project, string property) =>
            (project.Property(property) ?? throw new InvalidOperationException(project.Path + " has no <" + property + "> property"))
                .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(p => p.Replace('\\', '/'));
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

using OvmsOta.Tests.Host;

namespace OvmsOta.Tests.Host.Conformance
{
    /// <summary>
    /// The .nfproj files list their sources by hand (nanoFramework does not glob); these tests keep each list
    /// equal to the files the host build compiles, so nothing is built for one target only by accident.
    /// </summary>
    [TestClass]
    public class NfprojCompileListTests
    {
        [TestMethod]
        public void Core_nfproj_compiles_exactly_the_files_the_csproj_globs()
        {
            var project = new NfprojFile(RepositoryPaths.InProject("OvmsOta.Core", "OvmsOta.Core.nfproj"));
            AssertSameFiles(project, NfprojFile.SourceFilesUnder(project.Directory, "."));
        }

        [TestMethod]
        public void Simulation_nfproj_compiles_exactly_the_files_the_csproj_globs()
        {
            var project = new NfprojFile(RepositoryPaths.InProject("OvmsOta.Simulator", "Simulation", "OvmsOta.Simulation.nfproj"));
            AssertSameFiles(project, NfprojFile.SourceFilesUnder(project.Directory, "."));
        }

        [TestMethod]
        public void Tests_nfproj_compiles_exactly_the_portable_test_files()
        {
            var project = new NfprojFile(RepositoryPaths.InProject("OvmsOta.Tests", "OvmsOta.Tests.nfproj"));
            AssertSameFiles(project, NfprojFile.SourceFilesUnder(project.Directory, "Portable"));
        }

        [TestMethod]
        public void Firmware_nfproj_compiles_every_managed_file_except_native_the_interop_assembly_and_the_host_check()
        {
            var project = new NfprojFile(RepositoryPaths.InProject("OvmsOta.Firmware", "OvmsOta.Firmware.nfproj"));
            AssertSameFiles(project, NfprojFile.SourceFilesUnder(project.Directory, ".", "native", "HostCheck", "OvmsOta.Native"));
        }

        [TestMethod]
        public void Native_nfproj_compiles_exactly_the_files_of_the_interop_assembly()
        {
            var project = new NfprojFile(RepositoryPaths.InProject("OvmsOta.Firmware", "OvmsOta.Native", "OvmsOta.Native.nfproj"));
            AssertSameFiles(project, NfprojFile.SourceFilesUnder(project.Directory, "."));
        }

        [TestMethod]
        [DataRow("OvmsOta.Core/OvmsOta.Core.nfproj")]
        [DataRow("OvmsOta.Simulator/Simulation/OvmsOta.Simulation.nfproj")]
        [DataRow("OvmsOta.Tests/OvmsOta.Tests.nfproj")]
        [DataRow("OvmsOta.Firmware/OvmsOta.Firmware.nfproj")]
        public void Every_reference_hint_path_matches_a_package_in_packages_config(string relativePath)
        {
            var project = new NfprojFile(RepositoryPaths.InProject(relativePath.Split('/')));
            var packageFolders = project.Packages.Select(p => p.Id + "." + p.Version).ToList();
            var hintFolders = project.HintPaths
                .Select(h => h.Split('\\'))
                .Select(parts => PackageFolder(parts, relativePath.Count(c => c == '/')))
                .Distinct()
                .ToList();

            var unreferenced = packageFolders.Except(hintFolders).ToList();
            var unrestored = hintFolders.Except(packageFolders).ToList();
            Assert.AreEqual(0, unreferenced.Count + unrestored.Count,
                relativePath + ": packages without a reference: [" + string.Join(", ", unreferenced)
                + "]; references to packages not in packages.config: [" + string.Join(", ", unrestored) + "]");
        }

        /// <summary>The package folder of a hint path that climbs from the project to the solution's packages/ (one ".." per folder level).</summary>
        private static string PackageFolder(string[] parts, int depth)
        {
            bool underPackages = parts.Length > depth + 1 && parts.Take(depth).All(p => p == "..") && parts[depth] == "packages";
            return underPackages ? parts[depth + 1] : "(not under the solution's packages: " + string.Join("\\", parts) + ")";
        }

        private static void AssertSameFiles(NfprojFile project, IReadOnlyList<string> onDisk)
        {
            var listed = project.CompileItems;
            var duplicates = listed.GroupBy(f => f).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            var missing = onDisk.Except(listed).ToList();
            var extra = listed.Except(onDisk).ToList();
            Assert.IsTrue(missing.Count == 0 && extra.Count == 0 && duplicates.Count == 0,
                System.IO.Path.GetFileName(project.Path) + " is out of sync with the files on disk."
                + " Add: " + string.Join(" ", missing.Select(f => "<Compile Include=\"" + f.Replace('/', '\\') + "\" />")) + ";"
                + " remove: [" + string.Join(", ", extra) + "]; listed twice: [" + string.Join(", ", duplicates) + "]");
        }
    }
}

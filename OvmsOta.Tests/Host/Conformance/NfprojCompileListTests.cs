using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

using OvmsOta.Tests.Host;
using OvmsOta.Tests.Host.NanoBuild;

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
        public void Each_test_nfproj_compiles_exactly_its_portable_folders_and_helpers()
        {
            var projects = PortableTestProjects.All();

            Assert.IsTrue(projects.Count >= 2, "expected the portable tests split over several projects under " + PortableTestProjects.TestsFolder);
            foreach (var project in projects)
                AssertSameFiles(project, PortableTestProjects.ExpectedCompileItems(project));
        }

        [TestMethod]
        public void Every_portable_file_is_compiled_by_a_test_project()
        {
            var uncovered = PortableTestProjects.Uncovered(PortableTestProjects.All());

            Assert.AreEqual(0, uncovered.Count, "in no NFUnitTest.*.nfproj (add the folder to a project's PortableTestFolders, then run .ci/sync-nfproj): "
                + string.Join(", ", uncovered));
        }

        [TestMethod]
        public void A_portable_folder_left_out_of_every_project_is_named()
        {
            var withoutShell = PortableTestProjects.All().Where(p => !p.CompileItems.Any(i => i.StartsWith("../Portable/Shell/", StringComparison.Ordinal)));

            CollectionAssert.Contains(PortableTestProjects.Uncovered(withoutShell).ToList(), "Portable/Shell/ShellRig.cs");
        }

        [TestMethod]
        public void Each_test_project_compiles_on_its_own()
        {
            // Closed Compile lists: every portable type a project's tests use is in its list (a compile error otherwise).
            var broken = PortableTestProjects.All()
                .Select(TestProjectCompiler.Compile)
                .Where(c => c.Errors.Count > 0)
                .Select(c => string.Join("\n  ", c.Errors))
                .ToList();

            Assert.AreEqual(0, broken.Count, "a test project's <Compile> list does not compile alone (a helper from another folder missing? "
                + "add it to the project's PortableTestHelpers and run .ci/sync-nfproj):\n  " + string.Join("\n  ", broken));
        }

        [TestMethod]
        public void A_test_project_without_a_helper_it_uses_does_not_compile()
        {
            var shell = PortableTestProjects.All().Single(p => p.Path.EndsWith("NFUnitTest.Shell.nfproj", StringComparison.Ordinal));
            var trees = shell.CompileItems
                .Where(i => !i.EndsWith("/OtaDataVectors.cs", StringComparison.Ordinal))
                .Select(i => System.IO.Path.Combine(shell.Directory, i))
                .Select(path => TestProjectCompiler.ParseText(System.IO.File.ReadAllText(path), path))
                .ToList();

            var compiled = TestProjectCompiler.Compile("NFUnitTest", trees);

            Assert.IsTrue(compiled.Errors.Any(e => e.Contains("OtaDataVectors")), string.Join("\n", compiled.Errors));
        }

        [TestMethod]
        public void Test_projects_are_NFUnitTest_each_in_its_own_folder_with_its_own_guid_packages_and_runsettings()
        {
            var projects = PortableTestProjects.All();

            foreach (var project in projects)
            {
                string name = System.IO.Path.GetFileName(project.Path);
                Assert.AreEqual("NFUnitTest", project.AssemblyName, name + ": UnitTestLauncher loads the assembly NFUnitTest");
                Assert.IsTrue(project.IsTestProject, name);
                Assert.AreEqual(@"$(MSBuildProjectDirectory)\nano.runsettings", project.Property("RunSettingsFilePath"), name);
                Assert.IsTrue(System.IO.File.Exists(System.IO.Path.Combine(project.Directory, "nano.runsettings")), name + ": no nano.runsettings beside it");
                Assert.IsTrue(project.Packages.Any(p => p.Id == "nanoFramework.TestFramework"), name + ": packages.config lacks nanoFramework.TestFramework");
            }
            Assert.AreEqual(projects.Count, projects.Select(p => p.Directory).Distinct().Count(), "two test projects share a folder (and so bin/NFUnitTest.dll)");
            Assert.AreEqual(projects.Count, projects.Select(p => p.Property("ProjectGuid")).Distinct().Count(), "two test projects share a ProjectGuid");
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
        public void Every_reference_hint_path_matches_a_package_in_packages_config()
        {
            // packages.config restores into packages/ beside OvmsOta.sln, whatever the project's depth.
            string packagesRoot = RepositoryPaths.InProject("packages") + System.IO.Path.DirectorySeparatorChar;
            var problems = new List<string>();
            foreach (var project in NfprojFile.AllIn(RepositoryPaths.Root))
            {
                var packageFolders = project.Packages.Select(p => p.Id + "." + p.Version).ToList();
                var hintFolders = project.HintPaths
                    .Select(h => System.IO.Path.GetFullPath(System.IO.Path.Combine(project.Directory, h.Replace('\\', '/'))))
                    .Select(full => full.StartsWith(packagesRoot, StringComparison.Ordinal)
                        ? full.Substring(packagesRoot.Length).Split(System.IO.Path.DirectorySeparatorChar)[0]
                        : "(not under packages/: " + full + ")")
                    .Distinct()
                    .ToList();

                var unreferenced = packageFolders.Except(hintFolders).ToList();
                var unrestored = hintFolders.Except(packageFolders).ToList();
                if (unreferenced.Count + unrestored.Count > 0)
                    problems.Add(System.IO.Path.GetFileName(project.Path) + ": packages without a reference: [" + string.Join(", ", unreferenced)
                        + "]; references to packages not in packages.config: [" + string.Join(", ", unrestored) + "]");
            }

            Assert.AreEqual(0, problems.Count, string.Join("\n", problems));
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

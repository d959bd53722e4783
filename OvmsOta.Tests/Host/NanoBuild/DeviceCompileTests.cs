using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace OvmsOta.Tests.Host.NanoBuild
{
    /// <summary>
    /// Every .nfproj in the repository compiles for nanoFramework: Roslyn, C# 9, NoStdLib, against the real mscorlib.dll
    /// of the nanoFramework.CoreLibrary package and reference models of the other class libraries. This sees what the
    /// IL gate over the host builds cannot: members nanoFramework declares abstract, overload sets that are ambiguous
    /// without MSTest's generic overloads, types that exist only on one side.
    /// </summary>
    [TestClass]
    public class DeviceCompileTests
    {
        public static IEnumerable<object[]> Projects => NanoProject.AllInRepository().Select(p => new object[] { p });

        [TestMethod]
        [DynamicData(nameof(Projects))]
        public void Project_compiles_against_the_real_nanoFramework_mscorlib(string nfproj)
        {
            var result = DeviceBuild.Compile(nfproj);

            if (result.Warnings.Count > 0)
                Console.WriteLine(nfproj + " warnings:\n" + string.Join("\n", result.Warnings.Select(w => "  " + w)));
            Assert.IsTrue(result.Succeeded, nfproj + " does not compile for nanoFramework ("
                + result.Errors.Count + " errors):\n" + result.Describe());
        }

        [TestMethod]
        public void The_repository_has_the_device_projects_this_check_is_for()
        {
            var projects = NanoProject.AllInRepository();

            foreach (string expected in new[] { "OvmsOta.Core/OvmsOta.Core.nfproj", "OvmsOta.Firmware/OvmsOta.Firmware.nfproj",
                         "OvmsOta.Firmware/OvmsOta.Native/OvmsOta.Native.nfproj" })
                CollectionAssert.Contains(projects.ToList(), expected, "the device-compile check no longer finds " + expected);
            Assert.IsTrue(projects.Any(p => p.StartsWith("OvmsOta.Tests/", StringComparison.Ordinal)), "no portable test .nfproj under OvmsOta.Tests/");
        }

        [TestMethod]
        public void The_package_mscorlib_is_nanoFrameworks_1_17()
        {
            var (name, version) = NanoCoreLibrary.ReadIdentity();

            Assert.AreEqual("mscorlib", name);
            Assert.AreEqual(NanoCoreLibrary.Version, version, "nanoFramework.CoreLibrary's mscorlib.dll is not the version the .nfproj files reference");
        }
    }
}

using System;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace OvmsOta.Tests.Host.NanoBuild
{
    /// <summary>
    /// nanoFramework's metadata processor cannot convert an assembly whose string table passes 64 KB. These tests
    /// measure every device assembly on each run and fail at 56 KB, long before the device build would.
    /// </summary>
    [TestClass]
    public class StringTableTests
    {
        [TestMethod]
        public void Every_device_assembly_string_table_stays_under_56_KB()
        {
            var problems = DeviceAssembly.All()
                .Select(a => StringTableBudget.Problem(a.Name + " (" + a.Project.AssemblyName + ")", a.CountStringTable()))
                .Where(p => p != null)
                .ToList();

            Assert.AreEqual(0, problems.Count, string.Join("\n", problems));
        }

        [TestMethod]
        public void The_measured_assemblies_are_the_engine_the_application_its_interop_and_the_test_projects()
        {
            var assemblies = DeviceAssembly.All();
            var names = assemblies.Select(a => a.Project.AssemblyName).ToList();

            CollectionAssert.IsSubsetOf(new[] { "OvmsOta.Core", "OvmsOta.Firmware", "OvmsOta.Native" }, names);
            Assert.IsTrue(assemblies.Count(a => a.Project.IsTestProject && a.Project.AssemblyName == "NFUnitTest") >= 2,
                "expected several nanoFramework test projects, found: " + string.Join(", ", assemblies.Select(a => a.Name)));
        }

        [TestMethod]
        public void Prints_the_string_table_of_each_device_assembly()
        {
            Console.WriteLine("{0,-62} {1,7} {2,6} {3,7} {4,12} {5,15}", "nfproj", "bytes", "of 64K", "strings", "names bytes", "literals bytes");
            foreach (var assembly in DeviceAssembly.All())
            {
                var table = assembly.CountStringTable();
                Console.WriteLine("{0,-62} {1,7} {2,5:0}% {3,7} {4,12} {5,15}",
                    assembly.Name, table.Bytes, 100.0 * table.Bytes / StringTable.HardLimitBytes,
                    table.Count, table.BytesOf(StringKind.Name), table.BytesOf(StringKind.Literal));
                Assert.IsTrue(table.Bytes > 0);
            }
        }
    }
}

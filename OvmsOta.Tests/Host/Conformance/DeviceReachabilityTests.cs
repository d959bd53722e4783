using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mono.Cecil;

namespace OvmsOta.Tests.Host.Conformance
{
    /// <summary>
    /// Every type of the device assembly is there for the device: reachable from what the firmware (its host build,
    /// the same sources as the device application) uses of OvmsOta.Core, through Core's own references. A type only the
    /// tests or the simulator use belongs in OvmsOta.Simulation, not in the device's flash and string table.
    /// </summary>
    [TestClass]
    public class DeviceReachabilityTests
    {
        [TestMethod]
        public void No_Core_type_is_used_only_by_tests_or_the_simulator()
        {
            using var core = ModuleDefinition.ReadModule(RepositoryPaths.InOutput("OvmsOta.Core.dll"));
            using var firmware = ModuleDefinition.ReadModule(RepositoryPaths.InOutput("OvmsOta.Firmware.dll"));

            var unused = Unreached(core, firmware, "OvmsOta.Core");

            Assert.AreEqual(0, unused.Count, "Core types no device code reaches (move them to OvmsOta.Simulation, or delete them):\n  "
                + string.Join("\n  ", unused));
        }

        [TestMethod]
        public void A_planted_type_only_a_test_would_use_is_named()
        {
            string corePath = Path.Combine(Path.GetTempPath(), "PlantedCore" + System.Guid.NewGuid().ToString("N") + ".dll");
            File.WriteAllBytes(corePath, SnippetCompiler.Compile(@"
namespace OvmsOta.Engine { public sealed class Root { public Helper Help = new Helper(); } public sealed class Helper { } }
namespace OvmsOta.Flash { public static class Geometry { public const int Sector = 4096; } public sealed class SimulatedFlash { } }
"));
            try
            {
                byte[] app = SnippetCompiler.Compile(@"
public static class Program { public static int Main() { new OvmsOta.Engine.Root(); return OvmsOta.Flash.Geometry.Sector; } }", corePath);
                using var core = ModuleDefinition.ReadModule(corePath);
                using var firmware = ModuleDefinition.ReadModule(new MemoryStream(app));

                var unused = Unreached(core, firmware, core.Assembly.Name.Name);

                CollectionAssert.AreEqual(new[] { "OvmsOta.Flash.SimulatedFlash" }, unused.ToList(),
                    "Helper is reached through Root; Geometry is constants only (inlined where used)");
            }
            finally
            {
                File.Delete(corePath);
            }
        }

        /// <summary>
        /// The top-level types of core that firmware does not reach. Left out: compiler-generated types, and types of
        /// literal constants only (the compiler copies a const into its user, so no reference is left to follow).
        /// </summary>
        private static IReadOnlyList<string> Unreached(ModuleDefinition core, ModuleDefinition firmware, string coreName)
        {
            var graph = new TypeGraph(core);
            var reached = graph.ReachableFrom(TypeGraph.ReferencedFrom(firmware, coreName));
            var constantsOnly = new HashSet<string>(core.Types.Where(IsConstantsOnly).Select(t => t.FullName));
            return graph.Types
                .Where(t => !reached.Contains(t) && !t.Contains('<') && !constantsOnly.Contains(t))
                .OrderBy(t => t, System.StringComparer.Ordinal)
                .ToList();
        }

        private static bool IsConstantsOnly(TypeDefinition type) =>
            type.IsClass && !type.IsInterface && !type.IsEnum && !type.HasNestedTypes && type.Fields.Count > 0
            && type.Fields.All(f => f.HasConstant) && type.Methods.All(m => m.IsConstructor && m.Body.Instructions.Count <= 3);
    }
}

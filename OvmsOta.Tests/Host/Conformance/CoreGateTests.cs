using Microsoft.VisualStudio.TestTools.UnitTesting;

using OvmsOta.Tests.Host;

namespace OvmsOta.Tests.Host.Conformance
{
    /// <summary>The gate over the real engine: OvmsOta.Core as the host build compiled it.</summary>
    [TestClass]
    public class CoreGateTests
    {
        [TestMethod]
        public void OvmsOta_Core_uses_only_what_nanoFramework_has()
        {
            var violations = ConformanceGate.ForCore().Check(RepositoryPaths.InOutput("OvmsOta.Core.dll"));

            GateAssert.Passes(violations, "OvmsOta.Core");
        }

        [TestMethod]
        public void OvmsOta_Simulation_uses_only_what_nanoFramework_has()
        {
            // The portable test projects run it on nanoCLR: the same lists as Core, Core itself trusted (gated above).
            var violations = new ConformanceGate(ApiList.ForCore(), "OvmsOta.Core").Check(RepositoryPaths.InOutput("OvmsOta.Simulation.dll"));

            GateAssert.Passes(violations, "OvmsOta.Simulation");
        }

        [TestMethod]
        public void The_Core_surface_leaves_out_device_application_and_test_lists()
        {
            var core = ApiList.ForCore();

            CollectionAssert.DoesNotContain(core.Files as System.Collections.ICollection, "nanoFramework.Runtime.Native.txt");
            CollectionAssert.DoesNotContain(core.Files as System.Collections.ICollection, "nanoFramework.Hardware.Esp32.txt");
            CollectionAssert.DoesNotContain(core.Files as System.Collections.ICollection, "nanoFramework.TestFramework.txt");
            Assert.IsTrue(core.Contains("M:System.Array::Copy(System.Array,System.Int32,System.Array,System.Int32,System.Int32)"));
            Assert.IsFalse(core.Contains("M:nanoFramework.Runtime.Native.Power::RebootDevice(nanoFramework.Runtime.Native.RebootOption)"));
        }
    }
}

using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mono.Cecil;

using OvmsOta.Tests.Host;

namespace OvmsOta.Tests.Host.Conformance
{
    /// <summary>
    /// OvmsOta.Firmware's .cs files compile on the host (OvmsOta.Firmware.HostCheck) against a stub assembly of
    /// the nanoFramework-only types they use. The stub may only declare what the lists have, and the same
    /// IL gate runs over the host build, with the device-application lists (Esp32, Runtime.Native) allowed.
    /// </summary>
    [TestClass]
    public class FirmwareHostCheckTests
    {
        private const string StubAssembly = "NanoFramework.Stubs";

        private static string StubPath => RepositoryPaths.InOutput(StubAssembly + ".dll");

        private static string FirmwarePath => RepositoryPaths.InOutput("OvmsOta.Firmware.dll");

        private static string NativePath => RepositoryPaths.InOutput("OvmsOta.Native.dll");

        /// <summary>The firmware gate, trusting Core and the interop assembly (both gated on their own).</summary>
        private static ConformanceGate FirmwareGate() => new ConformanceGate(ApiList.ForFirmware(), "OvmsOta.Core", "OvmsOta.Native");

        /// <summary>The interop assembly's gate: mscorlib only, as its nfproj references nothing else.</summary>
        private static ConformanceGate NativeGate() => new ConformanceGate(ApiList.Load(RepositoryPaths.ApiListDirectory,
            System.IO.Directory.GetFiles(RepositoryPaths.ApiListDirectory, "*.txt").Select(System.IO.Path.GetFileName).Where(f => f != "mscorlib.txt")));

        [TestMethod]
        public void Every_public_member_of_the_stub_assembly_is_in_the_API_lists()
        {
            var lists = ApiList.ForFirmware();
            using var stubs = ModuleDefinition.ReadModule(StubPath);

            var declared = PublicSurface(stubs).ToList();
            var missing = declared.Where(api => !lists.Contains(api)).ToList();

            Assert.IsTrue(declared.Count > 0, "the stub assembly declares nothing public");
            Assert.AreEqual(0, missing.Count, "stub members nanoFramework does not have (fix the stub to the real signature):\n  "
                + string.Join("\n  ", missing));
        }

        [TestMethod]
        public void Every_stub_type_is_used_by_the_firmware_or_the_interop_assembly()
        {
            using var stubs = ModuleDefinition.ReadModule(StubPath);
            using var firmware = ModuleDefinition.ReadModule(FirmwarePath);
            using var native = ModuleDefinition.ReadModule(NativePath);
            var used = new HashSet<string>(firmware.GetTypeReferences().Concat(native.GetTypeReferences())
                .Where(t => Outermost(t).Scope is AssemblyNameReference a && a.Name == StubAssembly)
                .Select(ApiName.Type));

            var unused = stubs.GetTypes().Where(IsVisible).Select(ApiName.Type).Where(t => !used.Contains(t)).ToList();

            Assert.AreEqual(0, unused.Count, "stub types no Firmware file uses (remove them):\n  " + string.Join("\n  ", unused));
        }

        [TestMethod]
        public void OvmsOta_Firmware_uses_only_what_nanoFramework_has()
        {
            var violations = FirmwareGate().Check(FirmwarePath);

            GateAssert.Passes(violations, "OvmsOta.Firmware (host build)");
        }

        [TestMethod]
        public void OvmsOta_Native_uses_only_mscorlib()
        {
            var violations = NativeGate().Check(NativePath);

            GateAssert.Passes(violations, "OvmsOta.Native (host build)");
        }

        [TestMethod]
        public void The_firmware_references_the_interop_assembly_and_Core()
        {
            // The trust above is only sound if these really are our assemblies, gated on their own.
            using var firmware = ModuleDefinition.ReadModule(FirmwarePath);
            var references = firmware.AssemblyReferences.Select(a => a.Name).ToList();

            CollectionAssert.Contains(references, "OvmsOta.Native");
            CollectionAssert.Contains(references, "OvmsOta.Core");
        }

        [TestMethod]
        public void A_planted_HttpClient_GetAsync_in_firmware_shaped_code_is_rejected()
        {
            // nanoFramework's HttpClient is synchronous: GetAsync compiles on .NET but the device has no such method.
            byte[] image = SnippetCompiler.Compile(@"
namespace OvmsOta.Firmware.Http { public sealed class PlantedTransport {
    public int Status(string url) { using (var client = new System.Net.Http.HttpClient()) {
        var response = client.GetAsync(url).Result; return (int)response.StatusCode; } } } }", StubPath);

            var violations = FirmwareGate().Check(image);

            GateAssert.Rejects(violations, "OvmsOta.Firmware.Http.PlantedTransport::Status", "M:System.Net.Http.HttpClient::GetAsync(System.String)");
        }

        [TestMethod]
        public void The_same_synchronous_HttpClient_Send_passes_the_firmware_gate()
        {
            // The counterpart: what nanoFramework does have passes, so the rejection above is about GetAsync itself.
            byte[] image = SnippetCompiler.Compile(@"
namespace OvmsOta.Firmware.Http { public sealed class PlantedTransport {
    public int Status(string url) { var client = new System.Net.Http.HttpClient();
        var request = new System.Net.Http.HttpRequestMessage(System.Net.Http.HttpMethod.Get, url);
        var response = client.Send(request, System.Net.Http.HttpCompletionOption.ResponseHeadersRead);
        int status = (int)response.StatusCode; response.Dispose(); return status; } } }", StubPath);

            GateAssert.Passes(FirmwareGate().Check(image), "synchronous HttpClient.Send");
        }

        [TestMethod]
        public void A_planted_violation_in_firmware_shaped_code_is_rejected()
        {
            byte[] image = SnippetCompiler.Compile(@"
[assembly: System.Reflection.AssemblyNativeVersion(""1.0.0.0"")]
namespace OvmsOta.Firmware { public class Program {
    public static void Main() { var pending = new System.Collections.Generic.Queue<int>(); pending.Enqueue(1);
        System.IO.File.WriteAllText(""/ota.log"", ""x""); } } }", StubPath);

            var violations = FirmwareGate().Check(image);

            GateAssert.Rejects(violations, "OvmsOta.Firmware.Program::Main", "System.Collections.Generic.Queue`1<System.Int32>");
            GateAssert.Rejects(violations, "OvmsOta.Firmware.Program::Main", "M:System.IO.File::WriteAllText(System.String,System.String)");
        }

        [TestMethod]
        public void Device_application_APIs_pass_the_firmware_gate_but_not_the_core_gate()
        {
            // Environment.TickCount64 lives in nanoFramework.Runtime.Native: fine for the application, not for Core.
            byte[] image = SnippetCompiler.Compile(@"
[assembly: System.Reflection.AssemblyNativeVersion(""1.0.0.0"")]
namespace OvmsOta.Firmware { public class Program {
    public static long Uptime() { return System.Environment.TickCount64; } } }", StubPath);

            GateAssert.Passes(FirmwareGate().Check(image), "firmware-shaped snippet");
            GateAssert.Rejects(ConformanceGate.ForCore().Check(image), "OvmsOta.Firmware.Program::Uptime", "M:System.Environment::get_TickCount64()");
        }

        /// <summary>T:, M:, F: lines for every public or protected type and member the stub assembly declares.</summary>
        private static IEnumerable<string> PublicSurface(ModuleDefinition module)
        {
            foreach (var type in module.GetTypes().Where(IsVisible))
            {
                yield return ApiName.Type(type);
                foreach (var method in type.Methods.Where(m => m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly))
                    yield return ApiName.Method(method);
                foreach (var field in type.Fields.Where(f => f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly))
                    yield return ApiName.Field(field);
            }
        }

        private static bool IsVisible(TypeDefinition type) =>
            type.IsPublic || (type.IsNestedPublic && IsVisible(type.DeclaringType.Resolve()));

        private static TypeReference Outermost(TypeReference type)
        {
            while (type.DeclaringType != null)
                type = type.DeclaringType;
            return type;
        }
    }
}

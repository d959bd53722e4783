using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mono.Cecil;
using Mono.Cecil.Cil;
using OvmsOta.Tests.Host.Conformance;

namespace OvmsOta.Tests.Host.Firmware
{
    /// <summary>
    /// The firmware code that only runs on the device (Main, DeviceReboot, DeviceLog), checked in its IL: Main never
    /// returns and nothing escapes it, the reboot blocks its thread after RebootDevice, and the log survives a Release
    /// build. Each rule is also shown to reject a planted version of the code it guards.
    /// </summary>
    [TestClass]
    public class DeviceOnlyCodeTests
    {
        private static string FirmwarePath => RepositoryPaths.InOutput("OvmsOta.Firmware.dll");

        private static string StubPath => RepositoryPaths.InOutput("NanoFramework.Stubs.dll");

        private static string CorePath => RepositoryPaths.InOutput("OvmsOta.Core.dll");

        /// <summary>What nanoFramework's Release configuration defines (NFProjectSystem.Default.props): TRACE, not DEBUG.</summary>
        private static readonly string[] ReleaseSymbols = { "TRACE", "NANOFRAMEWORK_1_0" };

        private static MethodDefinition Method(ModuleDefinition module, string type, string name) =>
            module.GetType(type)?.Methods.Single(m => m.Name == name) ?? throw new AssertFailedException("no type " + type);

        private static ModuleDefinition Read(byte[] image) => ModuleDefinition.ReadModule(new MemoryStream(image));

        private static bool Returns(MethodDefinition method) => method.Body.Instructions.Any(i => i.OpCode.Code == Code.Ret);

        private static IEnumerable<MethodReference> Calls(MethodDefinition method) => method.Body.Instructions
            .Where(i => i.OpCode.Code is Code.Call or Code.Callvirt or Code.Newobj).Select(i => (MethodReference)i.Operand);

        /// <summary>
        /// Calls and throws that an exception could leave the method by: outside every try with a catch of System.Exception.
        /// Thread.Sleep is allowed (the final wait), and a call to a method of the same assembly counts only by what escapes it.
        /// </summary>
        private static List<string> Escapes(MethodDefinition method) => Escapes(method, new HashSet<MethodDefinition>());

        private static List<string> Escapes(MethodDefinition method, HashSet<MethodDefinition> seen)
        {
            var escapes = new List<string>();
            if (!seen.Add(method))
                return escapes;
            foreach (var instruction in method.Body.Instructions)
            {
                if (CaughtThere(method, instruction))
                    continue;
                if (instruction.OpCode.Code is Code.Throw or Code.Rethrow)
                    escapes.Add(method.Name + ": throw at IL_" + instruction.Offset.ToString("x4"));
                if (instruction.OpCode.Code is not (Code.Call or Code.Callvirt or Code.Newobj))
                    continue;
                var callee = (MethodReference)instruction.Operand;
                if (callee.DeclaringType.FullName == "System.Threading.Thread" && callee.Name == "Sleep")
                    continue;
                if (callee is MethodDefinition own && own.Module == method.Module)
                    escapes.AddRange(Escapes(own, seen));
                else
                    escapes.Add(method.Name + ": " + callee.FullName + " at IL_" + instruction.Offset.ToString("x4"));
            }
            return escapes;
        }

        private static bool CaughtThere(MethodDefinition method, Instruction instruction) => method.Body.ExceptionHandlers.Any(h =>
            h.HandlerType == ExceptionHandlerType.Catch && h.CatchType.FullName is "System.Exception" or "System.Object"
            && instruction.Offset >= h.TryStart.Offset && (h.TryEnd == null || instruction.Offset < h.TryEnd.Offset));

        private static void AssertMainKeepsRunning(MethodDefinition main)
        {
            Assert.IsFalse(Returns(main), "Main returns: nanoCLR then ends the application and its timers (the commit watchdog's tick)");
            var escapes = Escapes(main);
            Assert.AreEqual(0, escapes.Count, "exceptions can leave Main (nanoCLR ends the application with no log line):\n  " + string.Join("\n  ", escapes));
        }

        [TestMethod]
        public void Main_never_returns_and_no_exception_can_leave_it()
        {
            using var firmware = ModuleDefinition.ReadModule(FirmwarePath);

            AssertMainKeepsRunning(Method(firmware, "OvmsOta.Firmware.Program", "Main"));
        }

        [TestMethod]
        public void A_planted_Main_that_starts_unguarded_or_returns_is_rejected()
        {
            using var unguarded = Read(SnippetCompiler.Compile(@"
public class Program { public static void Main() { System.Console.WriteLine(""start""); while (true) System.Threading.Thread.Sleep(-1); } }"));
            using var returning = Read(SnippetCompiler.Compile(@"
public class Program { public static void Main() { try { System.Console.WriteLine(""start""); } catch (System.Exception) { } } }"));

            var e1 = Assert.ThrowsExactly<AssertFailedException>(() => AssertMainKeepsRunning(Method(unguarded, "Program", "Main")));
            var e2 = Assert.ThrowsExactly<AssertFailedException>(() => AssertMainKeepsRunning(Method(returning, "Program", "Main")));

            StringAssert.Contains(e1.Message, "System.Console::WriteLine");
            StringAssert.Contains(e2.Message, "Main returns");
        }

        private static void AssertBlocksAfterReboot(MethodDefinition reboot)
        {
            var calls = Calls(reboot).ToList();
            int request = calls.FindIndex(c => c.DeclaringType.FullName == "nanoFramework.Runtime.Native.Power" && c.Name == "RebootDevice");
            Assert.IsTrue(request >= 0, "no call to Power.RebootDevice");
            Assert.IsFalse(Returns(reboot), "Reboot returns after Power.RebootDevice: nanoCLR only flags the reboot, the caller runs on");
            CollectionAssert.AreEqual(new[] { "System.Threading.Thread::Sleep" },
                calls.Skip(request + 1).Select(c => c.DeclaringType.FullName + "::" + c.Name).Distinct().ToList(), "after the request only the wait");
        }

        [TestMethod]
        public void DeviceReboot_blocks_its_thread_for_good_after_RebootDevice()
        {
            using var firmware = ModuleDefinition.ReadModule(FirmwarePath);

            AssertBlocksAfterReboot(Method(firmware, "OvmsOta.Firmware.Bindings.DeviceReboot", "Reboot"));
        }

        [TestMethod]
        public void A_planted_reboot_that_returns_is_rejected()
        {
            // What DeviceReboot did before: request the reboot and return to the caller.
            using var planted = Read(SnippetCompiler.Compile(@"
public sealed class PlantedReboot { public void Reboot(string reason) {
    System.Threading.Thread.Sleep(200); nanoFramework.Runtime.Native.Power.RebootDevice(nanoFramework.Runtime.Native.RebootOption.NormalReboot); } }", StubPath));

            var e = Assert.ThrowsExactly<AssertFailedException>(() => AssertBlocksAfterReboot(Method(planted, "PlantedReboot", "Reboot")));

            StringAssert.Contains(e.Message, "Reboot returns after Power.RebootDevice");
        }

        /// <summary>DeviceLog's writer puts each line out with Console.WriteLine, which no configuration removes.</summary>
        private static void AssertWritesToTheConsole(ModuleDefinition module)
        {
            var write = Method(module, "OvmsOta.Firmware.Bindings.DeviceLog", "Write");
            var calls = Calls(write).Select(c => c.DeclaringType.FullName + "::" + c.Name + "(" + string.Join(",", c.Parameters.Select(p => p.ParameterType.FullName)) + ")").ToList();
            CollectionAssert.Contains(calls, "System.Console::WriteLine(System.String)", "DeviceLog.Write puts out nothing; it calls:\n  " + string.Join("\n  ", calls));
        }

        private static string DeviceLogSource => File.ReadAllText(RepositoryPaths.InProject("OvmsOta.Firmware", "Bindings", "DeviceLog.cs"));

        [TestMethod]
        public void The_log_is_kept_by_a_Release_build()
        {
            using var built = ModuleDefinition.ReadModule(FirmwarePath);
            using var release = Read(SnippetCompiler.CompileWithSymbols(ReleaseSymbols, DeviceLogSource, CorePath));

            AssertWritesToTheConsole(built);
            AssertWritesToTheConsole(release);
        }

        [TestMethod]
        public void A_planted_Debug_WriteLine_log_is_rejected_because_Release_removes_it()
        {
            string planted = DeviceLogSource.Replace("Console.WriteLine(", "System.Diagnostics.Debug.WriteLine(");
            Assert.AreNotEqual(DeviceLogSource, planted, "the source no longer has the call to plant over");
            using var release = Read(SnippetCompiler.CompileWithSymbols(ReleaseSymbols, planted, CorePath));
            using var debug = Read(SnippetCompiler.CompileWithSymbols(new[] { "DEBUG", "TRACE" }, planted, CorePath));

            Assert.ThrowsExactly<AssertFailedException>(() => AssertWritesToTheConsole(release));
            Assert.IsTrue(Calls(Method(debug, "OvmsOta.Firmware.Bindings.DeviceLog", "Write")).Any(c => c.Name == "WriteLine"),
                "in a Debug build the planted call is there: it is the configuration that removes it");
        }
    }
}

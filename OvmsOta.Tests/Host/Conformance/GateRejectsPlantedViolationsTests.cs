using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace OvmsOta.Tests.Host.Conformance
{
    /// <summary>
    /// Proves the gate can fail: each test compiles a few lines with one thing the device lacks, as the host
    /// build would (C# 9, .NET 10), and expects a violation naming the member of ours and the missing API.
    /// </summary>
    [TestClass]
    public partial class GateRejectsPlantedViolationsTests
    {
        private static System.Collections.Generic.IReadOnlyList<GateViolation> CoreGate(string source) =>
            ConformanceGate.ForCore().Check(SnippetCompiler.Compile(source));

        [TestMethod]
        public void A_generic_List_of_int_is_rejected()
        {
            var violations = CoreGate(@"
namespace Planted { public static class Flash {
    public static int Count() { var list = new System.Collections.Generic.List<int>(); list.Add(1); return list.Count; } } }");

            GateAssert.Rejects(violations, "Planted.Flash::Count", "System.Collections.Generic.List`1<System.Int32>");
            var add = GateAssert.Rejects(violations, "Planted.Flash::Count", "::Add(");
            StringAssert.Contains(add.Reason, "generics");
        }

        [TestMethod]
        public void String_Format_with_a_single_object_argument_is_rejected()
        {
            var violations = CoreGate(@"
namespace Planted { public static class Texts {
    public static string Offset(int offset) { return string.Format(""at offset {0}"", (object)offset); } } }");

            var format = GateAssert.Rejects(violations, "Planted.Texts::Offset", "M:System.String::Format(System.String,System.Object)");
            StringAssert.Contains(format.Reason, "string.Format(String, Object[])");
        }

        [TestMethod]
        public void String_Format_with_an_object_array_passes()
        {
            var violations = CoreGate(@"
namespace Planted { public static class Texts {
    public static string Offset(int offset) { return string.Format(""at offset {0}"", new object[] { offset }); } } }");

            GateAssert.Passes(violations, "string.Format(String, Object[])");
        }

        [TestMethod]
        public void An_interpolated_string_is_rejected()
        {
            // Even at C# 9 the host compiler lowers $"..." to DefaultInterpolatedStringHandler when the framework has
            // it; the device compiler lowers it to string.Format(String, Object), which nanoFramework lacks as well.
            var violations = CoreGate(@"
namespace Planted { public static class Texts {
    public static string Saw(int value) { return $""saw {value}""; } } }");

            var handler = GateAssert.Rejects(violations, "Planted.Texts::Saw", "T:System.Runtime.CompilerServices.DefaultInterpolatedStringHandler");
            StringAssert.Contains(handler.Reason, "interpolated string");
        }

        [TestMethod]
        public void A_LINQ_call_is_rejected()
        {
            var violations = CoreGate(@"
using System.Linq;
namespace Planted { public static class Slots {
    public static bool AnyErased(byte[] data) { return data.Any(b => b == 0xFF); } } }");

            var linq = GateAssert.Rejects(violations, "Planted.Slots::AnyErased", "M:System.Linq.Enumerable::Any(");
            StringAssert.Contains(linq.Reason, "LINQ");
        }

        [TestMethod]
        public void String_plus_char_is_rejected_because_it_compiles_to_span_concat()
        {
            var violations = CoreGate(@"
namespace Planted { public static class Texts {
    public static string Quote(string text, char mark) { return text + mark; } } }");

            GateAssert.Rejects(violations, "Planted.Texts::Quote", "System.ReadOnlySpan`1");
        }

        [TestMethod]
        public void An_async_method_is_rejected()
        {
            var violations = CoreGate(@"
using System.Threading.Tasks;
namespace Planted { public static class Download {
    public static async Task<int> Run() { await Task.Yield(); return 1; } } }");

            var async = GateAssert.Rejects(violations, "Planted.Download::Run", "AsyncStateMachineAttribute");
            StringAssert.Contains(async.Reason, "async");
            GateAssert.Rejects(violations, "Planted.Download+<Run>d__0", "IAsyncStateMachine");
        }

        [TestMethod]
        public void A_generic_definition_of_ours_is_rejected()
        {
            var violations = CoreGate(@"
namespace Planted { public sealed class Box<T> { public T Value; } }");

            GateAssert.Rejects(violations, "Planted.Box`1", "generic type definition");
        }

        [TestMethod]
        public void System_Math_and_stackalloc_are_rejected()
        {
            var violations = CoreGate(@"
namespace Planted { public static class Sizes {
    public static int Larger(int a, int b) { return System.Math.Max(a, b); }
    public static int Scratch() { System.Span<byte> buffer = stackalloc byte[16]; return buffer[0]; } } }");

            GateAssert.Rejects(violations, "Planted.Sizes::Larger", "M:System.Math::Max(System.Int32,System.Int32)");
            GateAssert.Rejects(violations, "Planted.Sizes::Scratch", "stackalloc");
        }

        [TestMethod]
        public void Clean_portable_code_passes()
        {
            var violations = CoreGate(@"
using System;
using System.Collections;
namespace Planted {
    public interface IFlash { void Read(int address, byte[] buffer, int offset, int count); }
    public sealed class Copier {
        private readonly ArrayList seen = new ArrayList();
        public string Copy(byte[] source, byte[] target) {
            if (source == null) throw new ArgumentNullException(nameof(source));
            Array.Copy(source, 0, target, 0, source.Length);
            seen.Add(source.Length);
            return ""copied "" + source.Length.ToString() + "" bytes, "" + string.Format(""{0} so far"", new object[] { seen.Count });
        } } }");

            GateAssert.Passes(violations, "portable snippet");
        }
    }
}

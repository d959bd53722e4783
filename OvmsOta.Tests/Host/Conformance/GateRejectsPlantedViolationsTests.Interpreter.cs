using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace OvmsOta.Tests.Host.Conformance
{
    /// <summary>
    /// The interpreter rules (InterpreterRules): code the API lists allow but nanoCLR runs differently. Core snippets
    /// go through the Core gate; snippets in namespace OvmsOta.Tests.Portable through the portable-test rules.
    /// </summary>
    public partial class GateRejectsPlantedViolationsTests
    {
        private static IReadOnlyList<GateViolation> PortableRules(string source) =>
            Check(InterpreterRules.ForPortableTests(), SnippetCompiler.Compile(source, typeof(TestMethodAttribute).Assembly.Location));

        private static IReadOnlyList<GateViolation> Check(InterpreterRules rules, byte[] image)
        {
            using var stream = new System.IO.MemoryStream(image, writable: false);
            using var module = Mono.Cecil.ModuleDefinition.ReadModule(stream);
            return rules.Check(module);
        }

        [TestMethod]
        public void A_MemoryStream_in_Core_is_rejected_growing_or_over_a_fixed_array()
        {
            var violations = CoreGate(@"
namespace Planted { public static class Images {
    public static byte[] Collect(byte[] part) { var s = new System.IO.MemoryStream(); s.Write(part, 0, part.Length); return s.ToArray(); }
    public static System.IO.Stream Over(byte[] image) { return new System.IO.MemoryStream(image); } } }");

            var growing = GateAssert.Rejects(violations, "Planted.Images::Collect", "M:System.IO.MemoryStream::.ctor()");
            StringAssert.Contains(growing.Reason, "65,535");
            var over = GateAssert.Rejects(violations, "Planted.Images::Over", "M:System.IO.MemoryStream::.ctor(System.Byte[])");
            StringAssert.Contains(over.Reason, "Position");
        }

        [TestMethod]
        public void Portable_tests_may_wrap_a_fixed_array_in_a_MemoryStream_but_not_grow_one()
        {
            var violations = PortableRules(@"
namespace OvmsOta.Tests.Portable.Planted { public sealed class Sink {
    readonly System.IO.MemoryStream written = new System.IO.MemoryStream();
    public System.IO.Stream Over(byte[] image) { return new System.IO.MemoryStream(image); } } }");

            GateAssert.Rejects(violations, "OvmsOta.Tests.Portable.Planted.Sink::.ctor", "M:System.IO.MemoryStream::.ctor()");
            Assert.AreEqual(1, violations.Count, GateAssert.Describe(violations));
        }

        [TestMethod]
        public void The_portable_rules_judge_only_the_portable_namespace()
        {
            var violations = PortableRules(@"
namespace OvmsOta.Tests.Host.Planted { public static class Tool {
    public static byte[] Collect() { var s = new System.IO.MemoryStream(); s.WriteByte(1); return s.ToArray(); } } }");

            GateAssert.Passes(violations, "host-only code");
        }

        [TestMethod]
        public void Checked_arithmetic_and_checked_conversions_are_rejected()
        {
            var violations = CoreGate(@"
namespace Planted { public static class Sizes {
    public static int End(int offset, int length) { return checked(offset + length); }
    public static int Area(int a, int b) { return checked(a * b); }
    public static int Gap(int a, int b) { return checked(a - b); }
    public static int Narrow(long value) { return checked((int)value); } } }");

            var add = GateAssert.Rejects(violations, "Planted.Sizes::End", "add.ovf");
            StringAssert.Contains(add.Reason, "never throws OverflowException");
            GateAssert.Rejects(violations, "Planted.Sizes::Area", "mul.ovf");
            GateAssert.Rejects(violations, "Planted.Sizes::Gap", "sub.ovf");
            GateAssert.Rejects(violations, "Planted.Sizes::Narrow", "conv.ovf.i4");
        }

        [TestMethod]
        public void An_enum_turned_into_text_is_rejected_in_every_shape_the_compiler_emits()
        {
            var violations = CoreGate(@"
namespace Planted {
    public enum Cut { Done, NotDone, Torn }
    public static class Texts {
        public static string Direct(Cut cut) { return cut.ToString(); }
        public static string ViaEnum(Cut cut) { return ((System.Enum)cut).ToString(); }
        public static string Formatted(Cut cut) { return cut.ToString(""G""); }
        public static string Concat(Cut cut, int at) { return ""cut "" + at.ToString() + "" "" + cut; }
        public static string Format(Cut cut) { return string.Format(""cut {0} at {1}"", new object[] { cut, 3 }); }
        public static string Built(Cut cut) { var text = new System.Text.StringBuilder(); text.Append(cut); return text.ToString(); } } }");

            var direct = GateAssert.Rejects(violations, "Planted.Texts::Direct", "ToString() of enum Planted.Cut");
            StringAssert.Contains(direct.Reason, "prints the number or throws");
            GateAssert.Rejects(violations, "Planted.Texts::ViaEnum", "enum Planted.Cut boxed into M:System.Object::ToString()");
            GateAssert.Rejects(violations, "Planted.Texts::Formatted", "call M:System.Enum::ToString(System.String)");
            GateAssert.Rejects(violations, "Planted.Texts::Concat", "ToString() of enum Planted.Cut");
            GateAssert.Rejects(violations, "Planted.Texts::Format", "enum Planted.Cut boxed into M:System.String::Format(");
            GateAssert.Rejects(violations, "Planted.Texts::Built", "enum Planted.Cut boxed into M:System.Text.StringBuilder::Append(System.Object)");
        }

        [TestMethod]
        public void An_enum_named_from_a_table_compared_or_stored_passes()
        {
            var violations = CoreGate(@"
namespace Planted {
    public enum Cut { Done, NotDone, Torn }
    public static class Texts {
        static readonly string[] Names = { ""done"", ""not done"", ""torn"" };
        public static string Name(Cut cut) { return Names[(int)cut]; }
        public static string Line(Cut cut, int at) { return ""cut "" + at.ToString() + "" "" + Name(cut); }
        public static bool Torn(Cut cut) { return cut == Cut.Torn; }
        public static int Keep(System.Collections.ArrayList seen, Cut cut) { return seen.Add(cut); } } }");

            GateAssert.Passes(violations, "enum names from a table");
        }

        [TestMethod]
        public void A_generic_delegate_is_rejected_in_Core_and_in_portable_tests()
        {
            var core = CoreGate(@"
namespace Planted { public static class Later {
    public static string Run(System.Func<string> make) { return make(); } } }");
            var portable = PortableRules(@"
namespace OvmsOta.Tests.Portable.Planted { public static class Later {
    public static int Run() { System.Func<int> make = () => 3; return make(); }
    public static void Plain(System.Action act) { act(); } } }");

            // In Core the generic instantiation was already refused; the delegate rule adds the reason that matters.
            Assert.IsTrue(core.Any(v => v.User == "Planted.Later::Run" && v.Reason.Contains("no generics")), GateAssert.Describe(core));
            Assert.IsTrue(core.Any(v => v.User == "Planted.Later::Run" && v.Api == "System.Func`1<System.String>" && v.Reason.Contains("crashes nanoCLR")),
                GateAssert.Describe(core));
            var inTest = GateAssert.Rejects(portable, "OvmsOta.Tests.Portable.Planted.Later::Run", "System.Func`1<System.Int32>");
            StringAssert.Contains(inTest.Reason, "crashes nanoCLR");
            Assert.IsFalse(GateAssert.Describe(portable).Contains("Plain"), "System.Action is not generic:\n" + GateAssert.Describe(portable));
        }

        [TestMethod]
        public void A_constant_allocation_above_700_KB_is_rejected()
        {
            var violations = CoreGate(@"
namespace Planted { public static class Buffers {
    public static byte[] Flash() { return new byte[0x1000000]; }
    public static int[] Words() { return new int[200000]; }
    public static string[] Names() { return new string[60000]; }
    public static byte[] Largest() { return new byte[700 * 1024]; } } }");

            var flash = GateAssert.Rejects(violations, "Planted.Buffers::Flash", "new System.Byte[16777216]");
            StringAssert.Contains(flash.Reason, "786 KB");
            GateAssert.Rejects(violations, "Planted.Buffers::Words", "(800000 bytes)");
            GateAssert.Rejects(violations, "Planted.Buffers::Names", "(720000 bytes)");
            Assert.AreEqual(3, violations.Count, GateAssert.Describe(violations));
        }

        [TestMethod]
        public void A_DataRow_with_a_null_argument_is_rejected()
        {
            var violations = PortableRules(@"
using Microsoft.VisualStudio.TestTools.UnitTesting;
namespace OvmsOta.Tests.Portable.Planted { [TestClass] public class Secrets {
    [TestMethod]
    [DataRow(null, 401)]
    [DataRow(""wrong"", 401)]
    public void Refused(string secret, int status) { }
    [TestMethod]
    [DataRow(""wrong"", 401)]
    public void Named(string secret, int status) { } } }");

            var nullRow = GateAssert.Rejects(violations, "OvmsOta.Tests.Portable.Planted.Secrets::Refused", "DataRowAttribute] with a null argument");
            StringAssert.Contains(nullRow.Reason, "metadata processor");
            Assert.AreEqual(1, violations.Count, GateAssert.Describe(violations));
        }
    }
}

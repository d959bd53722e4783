using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mono.Cecil;

namespace OvmsOta.Tests.Host.NanoBuild
{
    /// <summary>The counter itself: known names and literals give an exact byte count, and the budget names an oversized assembly.</summary>
    [TestClass]
    public class StringTableCounterTests
    {
        // Compiled under a fixed assembly name, so the two tables differ by what Planted adds and nothing else.
        private const string Baseline = @"
namespace Known
{
    public class Widget { }
}";

        // Each comment says what its line adds to Baseline's table (entry = UTF-8 bytes + NUL).
        private const string Planted = @"
namespace Known
{
    public class NoteAttribute : System.Attribute    // ""NoteAttribute"" 14, the type reference ""Attribute"" 10
    {
        public NoteAttribute(object text) { }        // a parameter name: no entry
        public string Topic;                         // ""Topic"" 6, shared with the named argument below
    }

    public class Widget
    {
        private int count;                           // ""count"" 6
        private const int Max = 3;                   // a constant: no entry
        private static string label = ""Name"";      // ""label"" 6, the static constructor "".cctor"" 7
        public string Name() { return ""Name""; }    // ""Name"" 5, once for the method and both literals

        [Note(""worn out"", Topic = ""wear"")]       // ""worn out"" 9, ""wear"" 5
        public string Greeting() { return ""grüß""; } // ""Greeting"" 9, ""grüß"" 4 chars, 6 UTF-8 bytes + NUL = 7
    }

    [Note(typeof(Gadget))]                           // the full name ""Known.Gadget"" 13, the type reference ""Type"" 5
    public class Gadget { private int count; }       // ""Gadget"" 7; ""count"" and "".ctor"" are there already
}";

        private static readonly string[] PlantedEntries =
            { "NoteAttribute", "Attribute", "Topic", "count", "label", ".cctor", "Name", "worn out", "wear", "Greeting", "grüß", "Known.Gadget", "Type", "Gadget" };

        [TestMethod]
        public void Known_names_and_literals_give_the_exact_byte_count()
        {
            var baseline = Count(Baseline);
            var planted = Count(Planted);

            Assert.AreEqual(14, PlantedEntries.Length);
            Assert.AreEqual(109, PlantedEntries.Sum(StringTable.EntryBytes));
            Assert.AreEqual(baseline.Count + 14, planted.Count);
            Assert.AreEqual(baseline.Bytes + 109, planted.Bytes);
            foreach (var entry in PlantedEntries)
                Assert.IsTrue(planted.Contains(entry) && !baseline.Contains(entry), entry);
            Assert.IsFalse(planted.Contains("Max") || planted.Contains("text"), "constants and parameter names are not stored");
        }

        [TestMethod]
        public void Every_table_starts_with_the_empty_string_and_holds_the_assembly_its_types_and_references()
        {
            var table = Count(Baseline);

            foreach (var entry in new[] { "", "Known", "Widget", ".ctor", "System", "Object" })
                Assert.IsTrue(table.Contains(entry), entry);
            Assert.AreEqual(1, StringTable.EntryBytes(""));
            Assert.AreEqual(7, StringTable.EntryBytes("grüß"));
        }

        [TestMethod]
        public void The_declared_device_references_count_beside_the_host_ones()
        {
            using var module = Read(TestProjectCompiler.Compile("Known", new[] { TestProjectCompiler.ParseText(Baseline) }));

            var hostOnly = StringTableCounter.Count(module, new string[0]);
            var withDevice = StringTableCounter.Count(module, new[] { "mscorlib", "nanoFramework.TestFramework" });

            Assert.AreEqual(hostOnly.Bytes + StringTable.EntryBytes("mscorlib") + StringTable.EntryBytes("nanoFramework.TestFramework"), withDevice.Bytes);
        }

        [TestMethod]
        public void The_budget_names_an_assembly_at_56_KB_and_passes_one_below()
        {
            var over = Count("class Big { string Text() { return \"" + new string('x', StringTableBudget.Bytes) + "\"; } }");
            var under = Count(Baseline);

            string problem = StringTableBudget.Problem("Planted.nfproj", over);

            Assert.IsNotNull(problem);
            StringAssert.Contains(problem, "Planted.nfproj");
            StringAssert.Contains(problem, over.Bytes.ToString());
            StringAssert.Contains(problem, "57344");
            Assert.IsNull(StringTableBudget.Problem("Baseline", under));
        }

        [TestMethod]
        public void Only_the_caller_expression_the_device_framework_lacks_is_left_out()
        {
            // MSTest passes the texts "wanted" (expected) and "ready" (actual); nanoFramework.TestFramework only "ready".
            const string Asserted = "Assert.AreEqual(wanted, ready);";
            var onlyAsserted = CompileTest(Asserted);
            var alsoLoaded = CompileTest(Asserted + " System.Console.WriteLine(\"wanted\");");
            var withMessage = CompileTest("Assert.AreEqual(wanted, ready, \"why\");");

            CollectionAssert.AreEqual(new[] { "wanted" }, onlyAsserted.HostOnlyLiterals.ToArray());
            var table = CountCompiled(onlyAsserted);
            Assert.IsFalse(table.Contains("wanted"));
            Assert.IsTrue(table.Contains("ready"), "the device passes the actual expression's text too");
            Assert.IsTrue(CountCompiled(alsoLoaded).Contains("wanted"), "a text also loaded elsewhere stays");
            CollectionAssert.AreEquivalent(new[] { "wanted", "ready" }, withMessage.HostOnlyLiterals.ToArray(), "with a message the device passes no expression text");
            Assert.IsTrue(CountCompiled(withMessage).Contains("why"));
        }

        [TestMethod]
        public void The_source_path_MSTest_gives_each_test_method_is_left_out()
        {
            var tree = TestProjectCompiler.ParseText(
                "using Microsoft.VisualStudio.TestTools.UnitTesting; [TestClass] public class Checks { [TestMethod] public void Runs() { } }",
                "Planted/Checks.cs");
            var compiled = TestProjectCompiler.Compile("Known", new[] { tree });

            CollectionAssert.AreEqual(new[] { "Planted/Checks.cs" }, compiled.HostOnlyLiterals.ToArray(), "MSTest's [TestMethod] takes [CallerFilePath]");
            Assert.IsFalse(CountCompiled(compiled).Contains("Planted/Checks.cs"));
            Assert.IsTrue(StringTableCounter.Count(Read(compiled), new string[0]).Contains("Planted/Checks.cs"), "the host IL has it");
        }

        private static CompiledProject CompileTest(string body)
        {
            var tree = TestProjectCompiler.ParseText(
                "using Microsoft.VisualStudio.TestTools.UnitTesting; public class Checks { public static void Run(bool wanted, bool ready) { " + body + " } }");
            return TestProjectCompiler.Compile("Known", new[] { tree });
        }

        private static StringTable CountCompiled(CompiledProject compiled) =>
            StringTableCounter.Count(Read(compiled), new string[0], compiled.HostOnlyLiterals);

        private static ModuleDefinition Read(CompiledProject compiled)
        {
            Assert.AreEqual(0, compiled.Errors.Count, string.Join("\n", compiled.Errors));
            return ModuleDefinition.ReadModule(new MemoryStream(compiled.Image));
        }

        private static StringTable Count(string source) =>
            CountCompiled(TestProjectCompiler.Compile("Known", new[] { TestProjectCompiler.ParseText(source) }));
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;

using OvmsOta.Tests.Host;

namespace OvmsOta.Tests.Host.Conformance
{
    /// <summary>
    /// Portable tests also compile under nanoFramework.TestFramework and run on nanoCLR. These source checks, and the
    /// IL gate's interpreter rules over the portable tests' host build, catch what the host compiler accepts but the
    /// device build or nanoCLR cannot take.
    /// </summary>
    [TestClass]
    public class PortableTestRulesTests
    {
        private const string ConditionalUsings =
            "#if NANOFRAMEWORK_1_0\nusing nanoFramework.TestFramework;\n#else\nusing Microsoft.VisualStudio.TestTools.UnitTesting;\n#endif\n";

        /// <summary>(pattern, what is wrong). DataRow arguments must be scalars or strings: nanoCLR cannot parse arrays.</summary>
        private static readonly (Regex Pattern, string Problem)[] Forbidden =
        {
            (new Regex(@"\[DataRow\([^\]]*(\bnew\b|\{|\[\])"), "array argument in [DataRow] (nanoCLR cannot parse it)"),
            (new Regex(@"\bMath\."), "System.Math (not in the nanoFramework API OvmsOta uses)"),
            (new Regex(@"\b(File|Directory)\."), "file system access (portable tests build their data in code)"),
        };

        [TestMethod]
        public void Every_portable_test_file_starts_with_the_conditional_test_framework_using()
        {
            // Files that use the test framework (test classes, asserting helpers) need the block; plain support
            // files (fakes, builders) compile under both frameworks without naming either.
            var wrong = PortableFiles()
                .Where(f => UsesTestFramework(Normalized(f)) && !Normalized(f).StartsWith(ConditionalUsings, StringComparison.Ordinal))
                .ToList();

            Assert.AreEqual(0, wrong.Count, "portable files that do not start with\n" + ConditionalUsings + "\n  " + string.Join("\n  ", wrong));
        }

        private static bool UsesTestFramework(string text) =>
            Regex.IsMatch(text, @"\[(TestClass|TestMethod|DataRow)\b|\b(Assert|CollectionAssert|OutputHelper)\.");

        [TestMethod]
        public void No_portable_test_file_uses_array_DataRows_System_Math_or_files()
        {
            var problems = new List<string>();
            foreach (var file in PortableFiles())
            {
                string[] lines = Normalized(file).Split('\n');
                for (int i = 0; i < lines.Length; i++)
                {
                    foreach (var (pattern, problem) in Forbidden)
                    {
                        if (pattern.IsMatch(WithoutStringLiterals(lines[i])))
                            problems.Add(file + ":" + (i + 1) + ": " + problem + ": " + lines[i].Trim());
                    }
                }
            }

            Assert.AreEqual(0, problems.Count, string.Join("\n", problems));
        }

        [TestMethod]
        public void The_portable_tests_pass_the_IL_gate_rules_for_what_nanoCLR_runs_differently()
        {
            // On the host the portable tests compile into the assembly that holds Expect; the API-list rules cannot
            // apply there (MSTest stands in for nanoFramework.TestFramework), the interpreter's run-time rules can.
            var violations = InterpreterRules.ForPortableTests().Check(typeof(OvmsOta.Tests.Portable.Expect).Assembly.Location);

            GateAssert.Passes(violations, "the portable tests (namespace OvmsOta.Tests.Portable)");
        }

        [TestMethod]
        public void The_rules_catch_what_they_are_for()
        {
            Assert.IsTrue(Forbidden[0].Pattern.IsMatch("[DataRow(new byte[] { 1, 2 })]"));
            Assert.IsTrue(Forbidden[0].Pattern.IsMatch(WithoutStringLiterals("[DataRow(\"a\", new[] { 1 })]")));
            Assert.IsFalse(Forbidden[0].Pattern.IsMatch(WithoutStringLiterals("[DataRow(\"new {0} line\", 3)]")));
            Assert.IsTrue(Forbidden[1].Pattern.IsMatch("int m = System.Math.Max(a, b);"));
            Assert.IsTrue(Forbidden[2].Pattern.IsMatch("var bytes = File.ReadAllBytes(path);"));
            Assert.IsFalse(Forbidden[2].Pattern.IsMatch("var flash = new FileFlash(size);"));
        }

        private static IEnumerable<string> PortableFiles()
        {
            string root = RepositoryPaths.InProject("OvmsOta.Tests");
            var files = NfprojFile.SourceFilesUnder(root, "Portable");
            Assert.IsTrue(files.Count > 0, "no portable test files under " + Path.Combine(root, "Portable"));
            return files.Select(f => Path.Combine(root, f));
        }

        /// <summary>Blanks "..." literals so text inside strings cannot trip a rule.</summary>
        private static string WithoutStringLiterals(string line) => Regex.Replace(line, "\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");

        private static string Normalized(string path) => File.ReadAllText(path).TrimStart('\uFEFF').Replace("\r\n", "\n");
    }
}

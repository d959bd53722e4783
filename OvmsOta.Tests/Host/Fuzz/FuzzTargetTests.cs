using System.Collections.Generic;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.Simulator.Fuzz;

namespace OvmsOta.Tests.Host.Fuzz
{
    /// <summary>
    /// CI's fuzz budget: every target of `ovmsota fuzz` (the same harness) for 10^4 inputs, and FsCheck's own runner
    /// (with its shrinking) over the text formats' grammars. Any finding fails with the input in hex.
    /// </summary>
    [TestClass]
    public class FuzzTargetTests
    {
        const int Iterations = 10_000;
        const int Seed = 15;

        public static IEnumerable<object[]> Targets => FuzzTargets.All().Select(t => new object[] { t.Name });

        public static IEnumerable<object[]> GrammarTargets => FuzzTargets.All().Where(t => t.Grammar != null).Select(t => new object[] { t.Name });

        [TestMethod]
        [DynamicData(nameof(Targets))]
        public void TargetHasNoFindingsIn10To4Inputs(string name)
        {
            FuzzTarget target = FuzzTargets.Find(name);

            FuzzReport report = new FuzzRunner().Run(target, Iterations, Seed);

            Assert.AreEqual(Iterations, report.Executions);
            Assert.AreEqual(0, report.Findings.Count, report.Summary + "\n" + string.Join("\n", report.Findings));
            System.Console.WriteLine(report.Summary);
        }

        [TestMethod]
        [DynamicData(nameof(GrammarTargets))]
        public void GrammarInputsKeepThePropertiesUnderFsCheck(string name)
        {
            FuzzTarget target = FuzzTargets.Find(name);
            var runner = new FuzzRunner();

            Property property = Prop.ForAll(Arb.From(target.Grammar), text =>
            {
                FuzzRunner.Outcome outcome = runner.Check(target, Encoding.UTF8.GetBytes(text));
                return outcome.Problem == null;
            });

            Check.One(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(300).WithQuietOnSuccess(true), property);
        }

        [TestMethod]
        public void EveryTargetHasSeedsAndNamesItsAllowedErrors()
        {
            foreach (FuzzTarget target in FuzzTargets.All())
            {
                Assert.IsTrue(target.Seeds().Count > 0, target.Name + " has no seeds");
                Assert.IsTrue(target.MaxInputLength > 0, target.Name + " needs an input cap");
                Assert.IsFalse(target.AllowedErrors.Contains(typeof(System.Exception)), target.Name + " may not allow every exception");
            }
            Assert.AreEqual(FuzzTargets.All().Count, FuzzTargets.All().Select(t => t.Name).Distinct().Count(), "target names must be unique");
        }
    }
}

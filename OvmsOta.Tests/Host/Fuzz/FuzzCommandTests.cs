using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.Simulator;

namespace OvmsOta.Tests.Host.Fuzz
{
    /// <summary>`ovmsota fuzz`: per-target execs/s and findings, and its answers to bad arguments.</summary>
    [TestClass]
    public class FuzzCommandTests
    {
        static int Run(out string output, out string error, params string[] args)
        {
            var o = new StringWriter();
            var e = new StringWriter();
            int exit = Program.Run(args, o, e);
            output = o.ToString();
            error = e.ToString();
            return exit;
        }

        [TestMethod]
        public void FuzzingOneTargetPrintsItsExecsPerSecondAndNoFindings()
        {
            int exit = Run(out string output, out string error, "fuzz", "url", "--iterations", "300", "--seed", "3");

            Assert.AreEqual(0, exit, error);
            StringAssert.Contains(output, "fuzz: 300 inputs per target, seed 3");
            StringAssert.Matches(output, new System.Text.RegularExpressions.Regex(@"url\s+300 execs\s+\d+ execs/s"));
            StringAssert.Contains(output, "fuzz: no findings");
        }

        [TestMethod]
        public void AnUnknownTargetOrNoIterationsIsOneLineAndExit2()
        {
            Assert.AreEqual(2, Run(out _, out string error, "fuzz", "nosuch"));
            StringAssert.StartsWith(error, "ovmsota fuzz: unknown target 'nosuch'; targets: partition-bin, ");

            Assert.AreEqual(2, Run(out _, out error, "fuzz", "url", "--iterations", "0"));
            StringAssert.Contains(error, "--iterations must be at least 1");
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.Partitions;
using OvmsOta.Simulation;
using OvmsOta.Simulator.Fuzz;

namespace OvmsOta.Tests.Host.Fuzz
{
    /// <summary>The harness itself catches what it promises to: planted bugs of each kind become findings, minimized.</summary>
    [TestClass]
    public class FuzzHarnessTests
    {
        /// <summary>A "parser" with a planted bug: an IndexOutOfRangeException on any input holding 0x42; its own error
        /// (PartitionTableException) for inputs starting with 'X'; optional extra behaviour per input.</summary>
        sealed class PlantedTarget(Action<byte[]> extra = null) : FuzzTarget
        {
            public override string Name => "planted";
            public override string Description => "test target";
            public override Type[] AllowedErrors => [typeof(PartitionTableException)];
            public override IReadOnlyList<byte[]> Seeds() => [[0x41, 0x41, 0x41, 0x41, 0x41, 0x41]];

            public override void Execute(byte[] input)
            {
                extra?.Invoke(input);
                if (input.Length > 0 && input[0] == (byte)'X')
                    throw new PartitionTableException("refused");
                if (input.Contains((byte)0x42))
                    throw new IndexOutOfRangeException("planted");
            }
        }

        [TestMethod]
        public void AnExceptionTheParserDoesNotPromiseIsAFindingWithItsMinimizedInput()
        {
            FuzzReport report = new FuzzRunner().Run(new PlantedTarget(), 3000, 1);

            Assert.AreEqual(1, report.Findings.Count, string.Join("\n", report.Findings));
            FuzzFinding finding = report.Findings[0];
            CollectionAssert.AreEqual(new byte[] { 0x42 }, finding.Input);
            Assert.AreEqual("42", finding.Hex);
            StringAssert.Contains(finding.Problem, "IndexOutOfRangeException");
            StringAssert.Contains(finding.Problem, "PlantedTarget.Execute");
        }

        [TestMethod]
        public void ThePromisedErrorIsARejectionNotAFinding()
        {
            var runner = new FuzzRunner();
            var target = new PlantedTarget();

            FuzzRunner.Outcome rejected = runner.Check(target, [(byte)'X', 0x42]);
            FuzzRunner.Outcome accepted = runner.Check(target, [1, 2, 3]);

            Assert.IsTrue(rejected.Rejected);
            Assert.IsNull(rejected.Problem);
            Assert.IsFalse(accepted.Rejected);
            Assert.IsNull(accepted.Problem);
        }

        [TestMethod]
        public void ARejectionThatChangedFlashIsAFinding()
        {
            var flash = new SimulatedFlash(new MemorySectorStore(0x2000), 1);
            var target = new PlantedTarget(input =>
            {
                var guard = new FlashGuard(flash, 0, 0x1000);
                if (input.Length > 0 && input[0] == (byte)'X')
                {
                    flash.EraseSector(0); // the planted bug: erase before refusing
                    guard.AssertUnchanged("the planted parser");
                }
            });

            FuzzRunner.Outcome outcome = new FuzzRunner().Check(target, [(byte)'X']);

            Assert.IsNotNull(outcome.Problem);
            StringAssert.Contains(outcome.Problem, "the planted parser changed flash");
        }

        [TestMethod]
        public void AnInputThatTakesTooLongOrAllocatesTooMuchIsAFinding()
        {
            var slow = new PlantedTarget(input => { if (input.Length == 7) Thread.Sleep(60); });
            var greedy = new PlantedTarget(input => { if (input.Length == 7) GC.KeepAlive(new byte[2_000_000]); });
            var runner = new FuzzRunner(new FuzzLimits { TimePerInput = TimeSpan.FromMilliseconds(30), AllocationPerInput = 1_000_000 });

            FuzzRunner.Outcome tooSlow = runner.Check(slow, new byte[7]);
            FuzzRunner.Outcome tooMuch = runner.Check(greedy, new byte[7]);

            StringAssert.Contains(tooSlow.Problem, "one input took");
            Assert.AreEqual("slow", tooSlow.Kind);
            StringAssert.Contains(tooMuch.Problem, "one input allocated");
            Assert.AreEqual("memory", tooMuch.Kind);
            Assert.IsNull(runner.Check(slow, new byte[6]).Problem);
        }

        [TestMethod]
        public void TheSameSeedReplaysTheSameRun()
        {
            FuzzReport a = new FuzzRunner().Run(new PlantedTarget(), 500, 7);
            FuzzReport b = new FuzzRunner().Run(new PlantedTarget(), 500, 7);

            Assert.AreEqual(a.Rejected, b.Rejected);
            Assert.AreEqual(a.Findings.Count, b.Findings.Count);
        }
    }
}

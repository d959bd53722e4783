#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.Flash;
using OvmsOta.Partitions;
using OvmsOta.Simulation;

namespace OvmsOta.Tests.Portable.Boot
{
    /// <summary>
    /// Power cut after every flash operation of a trial boot (bootloader conversion, arming) followed by a commit, a
    /// revert, a missed deadline or a crash (each through the boot that follows it), in every cut kind, for both
    /// bootloader builds and both layouts. After the cut the module reboots until it settles: every boot must load
    /// the old image or the new one, an image on trial must be gone once its deadline passes, and the settled
    /// image must be committed and stay so.
    /// </summary>
    [TestClass]
    public class TrialPowerCutTests
    {
        public const int Commit = 0;
        public const int Revert = 1;
        public const int Deadline = 2;
        public const int Crash = 3;
        public const uint Seeds = 4;
        private static readonly PowerCutKind[] Kinds = { PowerCutKind.Done, PowerCutKind.NotDone, PowerCutKind.Torn };

        // factory layout (v3-30 from factory) or not (v3-35), committed updates before (0: ota_0 -> ota_1, 1: ota_1 -> ota_0),
        // rollback build, scenario, flash operations expected in it
        [TestMethod]
        [DataRow(false, 0, false, Commit, 4)]
        [DataRow(false, 0, false, Revert, 4)]
        [DataRow(false, 0, false, Deadline, 6)]
        [DataRow(false, 0, false, Crash, 4)]
        [DataRow(false, 0, true, Commit, 4)]
        [DataRow(false, 0, true, Revert, 4)]
        [DataRow(false, 0, true, Deadline, 6)]
        [DataRow(false, 0, true, Crash, 6)]
        [DataRow(true, 0, false, Commit, 4)]
        [DataRow(true, 0, false, Revert, 4)]
        [DataRow(true, 0, false, Deadline, 6)]
        [DataRow(true, 0, false, Crash, 4)]
        [DataRow(true, 0, true, Commit, 4)]
        [DataRow(true, 0, true, Revert, 4)]
        [DataRow(true, 0, true, Deadline, 6)]
        [DataRow(true, 0, true, Crash, 6)]
        [DataRow(false, 1, false, Commit, 4)]
        [DataRow(false, 1, false, Revert, 4)]
        [DataRow(false, 1, false, Deadline, 6)]
        [DataRow(false, 1, false, Crash, 4)]
        [DataRow(false, 1, true, Commit, 4)]
        [DataRow(false, 1, true, Revert, 4)]
        [DataRow(false, 1, true, Deadline, 6)]
        [DataRow(false, 1, true, Crash, 6)]
        [DataRow(true, 1, false, Commit, 4)]
        [DataRow(true, 1, false, Revert, 4)]
        [DataRow(true, 1, false, Deadline, 6)]
        [DataRow(true, 1, false, Crash, 4)]
        [DataRow(true, 2, false, Commit, 4)]
        [DataRow(true, 2, false, Revert, 4)]
        [DataRow(true, 2, false, Deadline, 6)]
        [DataRow(true, 2, false, Crash, 4)]
        [DataRow(true, 1, true, Commit, 4)]
        [DataRow(true, 1, true, Revert, 4)]
        [DataRow(true, 1, true, Deadline, 6)]
        [DataRow(true, 1, true, Crash, 6)]
        public void APowerCutAnywhereInATrialLeavesACommittedImageOrTheTrialBeforeItsDeadline(bool factory, int before, bool rollback, int scenario, int expectedOperations)
        {
            Assert.AreEqual(expectedOperations, Measure(factory, before, rollback, scenario));
            Assert.AreEqual(expectedOperations * (2 + (int)Seeds), Sweep(factory, before, rollback, scenario));
        }

        public static string ScenarioName(int scenario)
        {
            return scenario == Commit ? "commit" : scenario == Revert ? "revert" : scenario == Deadline ? "deadline" : "crash";
        }

        /// <summary>Runs the scenario once without a cut, checks where it ends, returns its writes and erases.</summary>
        public static int Measure(bool factory, int before, bool rollback, int scenario)
        {
            ModuleOnDesk module = new ModuleOnDesk(factory, rollback, before, 1);
            PartitionEntry old = module.Running;
            PartitionEntry target = module.Update(ModuleOnDesk.NewVersion);
            module.Flash.Counters.Clear();
            Run(module, scenario);
            Assert.AreEqual(scenario == Commit ? target.Label : old.Label, module.Running.Label, ScenarioName(scenario) + " ends on");
            Assert.IsFalse(module.Watchdog.IsOnTrial);
            return module.Flash.Counters.Total.Changes;
        }

        /// <summary>Cuts at every operation in every kind (torn with several seeds); returns the number of cut points tried.</summary>
        public static int Sweep(bool factory, int before, bool rollback, int scenario)
        {
            int operations = Measure(factory, before, rollback, scenario);
            int tried = 0;
            for (int cut = 1; cut <= operations; cut++)
                foreach (PowerCutKind kind in Kinds)
                    for (uint seed = 1; seed <= (kind == PowerCutKind.Torn ? Seeds : 1); seed++)
                    {
                        CutAndRecover(factory, before, rollback, scenario, cut, kind, seed);
                        tried++;
                    }
            return tried;
        }

        /// <summary>The trial boot, then the scenario, then the boot after it.</summary>
        private static void Run(ModuleOnDesk module, int scenario)
        {
            module.BootAndStart();
            Assert.IsTrue(module.Watchdog.IsOnTrial);
            try
            {
                if (scenario == Commit)
                    module.Watchdog.Commit();
                else if (scenario == Revert)
                    module.Watchdog.Revert();
                else if (scenario == Deadline)
                {
                    module.Clock.Advance(ModuleOnDesk.Timeout);
                    module.Watchdog.Tick();
                }
            }
            catch (RebootRequested)
            {
            }
            module.BootAndStart();
        }

        private static void CutAndRecover(bool factory, int before, bool rollback, int scenario, int cut, PowerCutKind kind, uint seed)
        {
            ModuleOnDesk module = new ModuleOnDesk(factory, rollback, before, seed);
            string old = module.Running.Label;
            string target = module.Update(ModuleOnDesk.NewVersion).Label;
            string what = ScenarioName(scenario) + ", rollback " + (rollback ? "on" : "off") + (factory ? ", factory" : "") + ", " + old + " -> " + target + ", cut at operation "
                + cut.ToString() + " (" + PowerCutKindNames.Name(kind) + ", seed " + seed.ToString() + ")";
            module.Flash.Counters.Clear();
            module.Flash.ArmPowerCut(cut, kind);
            bool lost = false;
            try
            {
                Run(module, scenario);
            }
            catch (PowerLossException)
            {
                lost = true;
            }
            Assert.IsTrue(lost, what + ": the power was not cut");
            module.Flash.Reboot();
            Recover(module, old, target, what);
        }

        /// <summary>Boots until settled; a trial is left to run past its deadline each time.</summary>
        private static void Recover(ModuleOnDesk module, string old, string target, string what)
        {
            bool deadlinePassed = false;
            for (int boot = 0; boot < 6; boot++)
            {
                bool rebooted = false;
                try
                {
                    module.BootAndStart();
                }
                catch (RebootRequested)
                {
                    rebooted = true;
                }
                string running = module.Running.Label;
                Assert.IsTrue(running == old || running == target, what + ": boot " + boot.ToString() + " runs " + running);
                if (rebooted)
                    continue;
                if (module.Watchdog.IsOnTrial)
                {
                    Assert.AreEqual(target, running, what + ": on trial");
                    Assert.IsFalse(deadlinePassed, what + ": " + target + " on trial again after its deadline passed");
                    module.PassDeadline();
                    deadlinePassed = true;
                    continue;
                }
                // Settled on a committed image: it stays, with no further writes.
                module.Flash.Counters.Clear();
                module.BootAndStart();
                Assert.AreEqual(running, module.Running.Label, what + ": settled image changed");
                Assert.IsFalse(module.Watchdog.IsOnTrial, what + ": settled image on trial");
                Assert.AreEqual(0, module.Flash.Counters.Total.Changes, what + ": settled boot wrote otadata");
                return;
            }
            Assert.IsTrue(false, what + ": did not settle within 6 boots");
        }
    }
}

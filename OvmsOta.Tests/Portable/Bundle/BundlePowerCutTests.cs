#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.Flash;
using OvmsOta.Image;
using OvmsOta.Simulation;

namespace OvmsOta.Tests.Portable.Bundle
{
    /// <summary>
    /// A whole bundle install (`ota flash vfs fw.zip` on the device layout) with the power cut after each of its flash
    /// operations, done, not done or torn; then the rollback-on bootloader model (the device layout's) boots: it must
    /// boot the running pair or the new pair, never an app with another pair's deployment, never nothing.
    /// Prints the figures.
    /// </summary>
    [TestClass]
    public class BundlePowerCutTests
    {
        private static readonly PowerCutKind[] Kinds = new PowerCutKind[] { PowerCutKind.Done, PowerCutKind.NotDone, PowerCutKind.Torn };

        [TestMethod]
        [DataRow(false)]
        [DataRow(true)]
        public void Every_cut_boots_the_running_pair_or_the_new_pair(bool deflated)
        {
            BundleRig measured = new BundleRig();
            byte[] bundle = deflated ? measured.New.BuildDeflated(PortableJson.Codec(), 4000) : measured.New.Build(PortableJson.Codec());
            measured.FlashVfs(bundle);
            int changes = measured.Flash.Counters.Total.Changes;
            Assert.AreEqual("new", measured.PairOf("ota_1"), "the uncut install writes the new pair");

            int running = 0;
            int installed = 0;
            for (int change = 1; change <= changes; change++)
            {
                for (int k = 0; k < Kinds.Length; k++)
                {
                    BundleRig rig = new BundleRig();
                    rig.Flash.ArmPowerCut(change, Kinds[k]);
                    try
                    {
                        rig.FlashVfs(bundle);
                    }
                    catch (PowerLossException)
                    {
                    }
                    string where = "cut " + change.ToString() + " of " + changes.ToString() + " " + PowerCutKindNames.Name(Kinds[k]);
                    Assert.IsTrue(rig.Flash.IsPoweredOff, where + ": the cut happened");
                    rig.Flash.Reboot();

                    SlotImageCheck check = new SlotImageCheck(rig.Flash, new ImageValidator(), new byte[4096]);
                    BootResult boot = new BootloaderModel(rig.Flash, rig.Shell.Module.Engine.Slots.Table, check, true).Boot();
                    Assert.IsTrue(boot.Booted, where + ": something boots");
                    string pair = rig.PairOf(boot.Partition.Label);
                    Assert.IsTrue(pair == "running" || pair == "new", where + ": booted " + boot.Partition.Label + " runs the " + pair + " pair");
                    if (pair == "running")
                        running++;
                    else
                        installed++;
                }
            }
            Print("bundle sweep" + (deflated ? " (deflated parts)" : string.Empty) + ": " + changes.ToString() + " cut points x 3 kinds = " + (changes * 3).ToString() + " boots: running pair "
                + running.ToString() + ", new pair " + installed.ToString() + ", mixed 0, unbootable 0");
            Assert.AreEqual(changes * 3, running + installed);
            Assert.IsTrue(installed > 0, "a cut after the switch boots the new pair");
        }

#if NANOFRAMEWORK_1_0
        static void Print(string line) { OutputHelper.WriteLine(line); }
#else
        static void Print(string line) { System.Console.WriteLine(line); }
#endif
    }
}

using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.Flash;
using OvmsOta.Image;
using OvmsOta.Partitions;
using OvmsOta.Simulation;
using OvmsOta.Simulator.Flash;
using OvmsOta.Simulator.UpdateServer;

namespace OvmsOta.Tests.Host.Sim
{
    /// <summary>
    /// The whole update cycle through `ovmsota sim --script`, in-process, on a fresh flash file: update from the
    /// simulator's own server, reboot into the trial, commit or let the deadline pass. Each transcript section is
    /// checked, and the flash file is checked afterwards with a bootloader model of its own.
    /// </summary>
    [TestClass]
    public class SimEndToEndTests
    {
        const string NewVersion = "3.3.006";

        [TestMethod]
        public void AnUpdateThatIsCommittedStaysAfterAReset()
        {
            using var sim = new SimScript();

            string transcript = sim.Run(
                "# update, reboot into the trial, commit, reboot",
                "ota status",
                "ota flash http",
                "module reset",
                "ota status",
                "ota commit",
                "module reset",
                "ota status");

            StringAssert.StartsWith(transcript, "Booted ota_0: " + DemoTree.InitialVersion + " (bootloader: otadata is blank");
            string status = SimScript.Section(transcript, 0);
            StringAssert.StartsWith(status, "ota status\n");
            StringAssert.Contains(status, "Running partition: ota_0\n");
            StringAssert.Contains(status, "OTA_O image:       " + DemoTree.InitialVersion + "\n");
            StringAssert.Contains(status, "Server Available:  " + NewVersion + " (is newer)\n");

            string flash = SimScript.Section(transcript, 1);
            StringAssert.Contains(flash, "Target partition is: ota_1\n");
            StringAssert.Contains(flash, "/v3.3-5/main/ovms3.bin to ota_1\n");
            StringAssert.Contains(flash, "Downloading... ");
            StringAssert.Contains(flash, "OTA flash was successful\n");
            StringAssert.Contains(flash, "  Next boot will be from 'ota_1'\n");

            string reset = SimScript.Section(transcript, 2);
            StringAssert.Contains(reset, "Booted ota_1: " + NewVersion + " (bootloader:");
            StringAssert.Contains(reset, "Running ota_1 on trial: rolls back in 10 min 00 s");

            string trial = SimScript.Section(transcript, 3);
            StringAssert.Contains(trial, "Firmware:          " + NewVersion + "/ota_1/main");
            StringAssert.Contains(trial, "Running partition: ota_1\n");
            StringAssert.Contains(trial, "Boot partition:    ota_0\n"); // armed: any reset now goes back
            StringAssert.Contains(trial, "Trial:             Running ota_1 on trial");
            StringAssert.Contains(trial, "Server Available:  " + NewVersion + " (no update required)\n");

            StringAssert.Contains(SimScript.Section(transcript, 4), "Image on ota_1 committed: it stays the boot image");
            StringAssert.Contains(SimScript.Section(transcript, 5), "Booted ota_1: " + NewVersion);

            string committed = SimScript.Section(transcript, 6);
            StringAssert.Contains(committed, "Running partition: ota_1\n");
            StringAssert.Contains(committed, "Boot partition:    ota_1\n");
            Assert.IsFalse(committed.Contains("Trial:"), "a committed image after a reset: OVMS's status lines only");

            Assert.AreEqual("ota_1", BootFromFile(sim.FlashPath));
        }

        [TestMethod]
        public void AnUpdateThatIsNotCommittedRollsBackAfterTheDeadline()
        {
            using var sim = new SimScript();

            string transcript = sim.Run(
                "config set ota commit.auto no",
                "ota flash http",
                "module reset",
                "wait 599",
                "ota status nocheck",
                "wait 2",
                "ota status nocheck");

            StringAssert.Contains(SimScript.Section(transcript, 2), "Booted ota_1: " + NewVersion);
            Assert.AreEqual("wait 599\n", SimScript.Section(transcript, 3), "nothing may happen before the deadline");
            StringAssert.Contains(SimScript.Section(transcript, 4), "Running ota_1 on trial: rolls back in 0 min 01 s");

            string expiry = SimScript.Section(transcript, 5);
            StringAssert.Contains(expiry, "Rebooting: " + NewVersion + " on ota_1 was not confirmed within 600 s: rolling back\n");
            StringAssert.Contains(expiry, "Booted ota_0: " + DemoTree.InitialVersion);

            string back = SimScript.Section(transcript, 6);
            StringAssert.Contains(back, "Firmware:          " + DemoTree.InitialVersion + "/ota_0/main");
            StringAssert.Contains(back, "Running partition: ota_0\n");
            StringAssert.Contains(back, "Boot partition:    ota_0\n");

            Assert.AreEqual("ota_0", BootFromFile(sim.FlashPath));
        }

        [TestMethod]
        public void AHealthyImageConfirmsItselfOnceTheUpdateServerAnswers()
        {
            using var sim = new SimScript();

            string transcript = sim.Run("ota flash http", "module reset", "ota status nocheck", "wait 1", "ota status nocheck", "module reset");

            StringAssert.Contains(SimScript.Section(transcript, 2), "Running ota_1 on trial");
            StringAssert.Contains(SimScript.Section(transcript, 3), "Image on ota_1 confirmed: its health checks passed");
            StringAssert.Contains(SimScript.Section(transcript, 4), "Trial:             Running ota_1: committed");
            StringAssert.Contains(SimScript.Section(transcript, 5), "Booted ota_1: " + NewVersion);
            Assert.AreEqual("ota_1", BootFromFile(sim.FlashPath));
        }

        [TestMethod]
        public void TheNightlyJobDoesNotReinstallAnImageThatRolledBack()
        {
            using var sim = new SimScript();

            string transcript = sim.Run(
                "config set ota auto.hour 12",
                "config set ota commit.auto no",
                "wait 600",
                "wait 601",
                "wait 1800",
                "ota status nocheck");

            int installs = transcript.Split("AutoFlash: Update ota_1").Length - 1;
            Assert.AreEqual(1, installs, "installed once:\n" + transcript);
            StringAssert.Contains(transcript, "was not confirmed and rolled back");
            StringAssert.Contains(transcript, "was installed before and rolled back; not installing it again automatically");
            StringAssert.Contains(SimScript.Section(transcript, 5), "Running partition: ota_0\n");
        }

        [TestMethod]
        public void AResetBeforeCommittingGoesBackAndStateSurvivesRuns()
        {
            using var sim = new SimScript();

            string first = sim.Run("config set ota tag edge", "ota flash http", "module reset");
            string second = sim.Run("module reset", "ota status nocheck");

            StringAssert.Contains(SimScript.Section(first, 2), "Booted ota_1: 3.3.006-40-g");
            StringAssert.StartsWith(second, "Booted ota_0: " + DemoTree.InitialVersion, "a new run is a reset: the armed otadata goes back");
            StringAssert.Contains(SimScript.Section(second, 1), "OTA_1 image:       3.3.006-40-g");
            StringAssert.Contains(SimScript.Section(second, 1), "Firmware:          " + DemoTree.InitialVersion + "/ota_0/edge");
        }

        [TestMethod]
        public void TheNightlyCheckUpdatesAtTwoAndNotAgainOnceCurrent()
        {
            using var sim = new SimScript();

            // A script's module day starts at 12:00, so 14 hours on it is 02:00, OVMS's default hour.
            string transcript = sim.Run("config set ota tag eap", "wait 50399", "wait 1", "ota commit", "wait 86400");

            Assert.AreEqual("wait 50399\n", SimScript.Section(transcript, 1), "nothing before 02:00");
            string night = SimScript.Section(transcript, 2);
            StringAssert.Contains(night, "ota: AutoFlash: Update ota_1 to 3.3.006-12-g0eap0001");
            StringAssert.Contains(night, "Rebooting: FirmwareUpdate\n");
            StringAssert.Contains(night, "Booted ota_1: 3.3.006-12-g0eap0001");
            StringAssert.Contains(night, "Running ota_1 on trial");
            StringAssert.Contains(SimScript.Section(transcript, 3), "Image on ota_1 committed");
            string nextNight = SimScript.Section(transcript, 4);
            Assert.IsFalse(nextNight.Contains("Rebooting"), "the next night finds nothing newer:\n" + nextNight);
        }

        [TestMethod]
        public void TheFactoryLayoutBootsFactoryAndUpdatesIntoOta0()
        {
            using var sim = new SimScript();

            string transcript = sim.Run(new[] { "--layout", "factory" }, "ota status", "ota flash http", "module reset", "ota commit");

            StringAssert.StartsWith(transcript, "Booted factory: " + DemoTree.InitialVersion);
            StringAssert.Contains(SimScript.Section(transcript, 0), "Partition type:    v3-30 (factory, ota1, ota2, 1MB store)\n");
            StringAssert.Contains(SimScript.Section(transcript, 1), "/v3.3/main/ovms3.bin to ota_0\n");
            StringAssert.Contains(SimScript.Section(transcript, 2), "Booted ota_0: " + NewVersion);
            StringAssert.Contains(SimScript.Section(transcript, 3), "Image on ota_0 committed: it stays the boot image");
            Assert.AreEqual("ota_0", BootFromFile(sim.FlashPath));
        }

        [TestMethod]
        public void UnknownCommandsAndBadWaitsAreAnsweredNotFatal()
        {
            using var sim = new SimScript();

            string transcript = sim.Run("frobnicate", "wait soon", "ota commit", "exit", "ota status");

            StringAssert.Contains(SimScript.Section(transcript, 0), "Unrecognised command");
            StringAssert.Contains(SimScript.Section(transcript, 1), "Usage: wait <seconds>");
            StringAssert.Contains(SimScript.Section(transcript, 2), "Error: The image on ota_0 is not on trial - nothing to commit");
            Assert.AreEqual("exit\n", SimScript.Section(transcript, 3));
            Assert.IsFalse(transcript.Contains("OVMS# ota status"), "exit ends the script");
        }

        [TestMethod]
        public void WaitRefusesNotANumber()
        {
            using var sim = new SimScript();

            string transcript = sim.Run("wait NaN", "wait -Infinity", "wait Infinity");

            for (int i = 0; i < 3; i++)
                StringAssert.Contains(SimScript.Section(transcript, i), "Usage: wait <seconds>");
        }

        /// <summary>What a bootloader would boot from the file as the run left it (an independent read of the persisted state).</summary>
        static string BootFromFile(string path)
        {
            using var store = FileSectorStore.Open(path, readOnly: true);
            var flash = new SimulatedFlash(store, 1);
            PartitionTable table = PartitionTable.ReadFrom(flash, PartitionTable.DefaultOffset);
            var images = new SlotImageCheck(flash, new ImageValidator(), new byte[FlashGeometry.SectorSize]);
            // A read-only look: the rollback-off bootloader writes nothing when an entry is active.
            BootResult result = new BootloaderModel(flash, table, images, rollbackEnabled: false).Boot();
            Assert.IsTrue(result.Booted, result.ToString());
            return result.Partition.Label;
        }
    }
}

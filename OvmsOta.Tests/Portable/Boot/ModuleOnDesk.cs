#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.Boot;
using OvmsOta.Flash;
using OvmsOta.Image;
using OvmsOta.OtaData;
using OvmsOta.Partitions;
using OvmsOta.Simulation;
using OvmsOta.Update;
using System.IO;

namespace OvmsOta.Tests.Portable.Boot
{
    /// <summary>
    /// A module for whole boot cycles: a sparse 16 MB flash with real images in the slots, the bootloader model of
    /// one build, the commit watchdog, a test clock and a simulated reboot. "An update" writes a builder image into
    /// the next slot and switches otadata to it with state NEW, as the updater's last step does.
    /// </summary>
    public sealed class ModuleOnDesk
    {
        public const int Timeout = CommitWatchdog.DefaultCommitTimeoutMs;
        public const string OldVersion = "3.3.005";
        public const string NewVersion = "3.3.006";
        public const string FactoryVersion = "3.3.001";

        public readonly SimulatedFlash Flash;
        public readonly PartitionTable Table;
        public readonly SlotImageCheck Images;
        public readonly bool Rollback;
        public readonly TestClock Clock = new TestClock();
        public readonly SimulatedReboot Reboots = new SimulatedReboot();
        public readonly OtaDataPartition OtaData;
        public CommitWatchdog Watchdog;
        public BootResult LastBoot;
        public string LastReport;

        /// <summary>
        /// factory: the v3-30 layout running its factory app, else v3-35 running ota_0 (after the bootloader wrote
        /// its first entry). updatesBefore: committed updates already done (each one moves to the next slot).
        /// </summary>
        public ModuleOnDesk(bool factory, bool rollback, int updatesBefore, uint seed)
        {
            Flash = new SimulatedFlash(new MemorySectorStore(FlashGeometry.DeviceSize), seed);
            Table = BootTables.Make(factory, false);
            Images = new SlotImageCheck(Flash, new ImageValidator(), new byte[4096]);
            Rollback = rollback;
            OtaData = new OtaDataPartition(Flash, Table.OtaData);
            WriteImage(factory ? Table.Factory : Table.OtaSlot(0), factory ? FactoryVersion : OldVersion);
            BootAndStart();
            for (int i = 0; i < updatesBefore; i++)
            {
                Update(OldVersion + "-" + i.ToString());
                BootAndStart();
                Assert.IsTrue(Watchdog.Commit(), "commit of preparatory update " + i.ToString());
                BootAndStart();
            }
            Flash.Counters.Clear();
        }

        /// <summary>The partition that runs now (the last boot's).</summary>
        public PartitionEntry Running { get { return LastBoot.Partition; } }

        /// <summary>Updates to an image of version through the real updater (the slot after the running one, state NEW). Returns the slot.</summary>
        public PartitionEntry Update(string version)
        {
            byte[] image = new ImageBuilder(version).Build();
            return new OtaUpdater(Flash, Table, Running).Install(new MemoryStream(image), image.Length);
        }

        private const int EspIdfOk = 0;

        /// <summary>Runs the bootloader model once; asserts something boots.</summary>
        public BootResult BootOnly()
        {
            LastBoot = new BootloaderModel(Flash, Table, Images, Rollback).Boot();
            Assert.IsTrue(LastBoot.Booted, "no bootable image: " + LastBoot.Reason);
            return LastBoot;
        }

        /// <summary>Boots and starts the engine's watchdog (which may reboot: <see cref="RebootRequested"/>).</summary>
        public CommitWatchdog BootAndStart()
        {
            BootOnly();
            Watchdog = new CommitWatchdog(Flash, Table, Images, LastBoot.Partition, Clock, Reboots, null, Timeout);
            LastReport = Watchdog.Start();
            return Watchdog;
        }

        /// <summary>Lets the commit timeout pass and ticks: the watchdog must reboot.</summary>
        public void PassDeadline()
        {
            Clock.Advance(Timeout);
            Expect.Throws(typeof(RebootRequested), () => Watchdog.Tick());
        }

        public OtaEntry Entry(int index)
        {
            return OtaData.ReadEntry(index);
        }

        /// <summary>The entry (0 or 1) whose seq selects slot with a good CRC, preferring the newer; -1 if none.</summary>
        public int EntryFor(int slot)
        {
            int found = -1;
            for (int i = 0; i < 2; i++)
            {
                OtaEntry entry = Entry(i);
                if (entry.Seq != OtaEntry.BlankSeq && entry.HasValidCrc && OtaSelection.SlotOf(entry.Seq, Table.OtaSlotCount) == slot
                    && (found < 0 || entry.Seq > Entry(found).Seq))
                    found = i;
            }
            return found;
        }

        private void WriteImage(PartitionEntry slot, string version)
        {
            byte[] image = new ImageBuilder(version).Build();
            Flash.Write(slot.Offset, image, 0, image.Length);
        }
    }
}

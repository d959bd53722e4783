#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using System.IO;
using OvmsOta.Flash;
using OvmsOta.Image;
using OvmsOta.OtaData;
using OvmsOta.Partitions;
using OvmsOta.Ports;
using OvmsOta.Simulation;
using OvmsOta.Update;

namespace OvmsOta.Tests.Portable.Update
{
    /// <summary>
    /// A module on the bench for updater tests: a 1 MB simulated flash with two 448 KB OTA slots (the OVMS v3-35
    /// layout, scaled down to keep nanoCLR small), the old image in ota_0, otadata selecting ota_0, and counter
    /// ranges "ota_0", "ota_1" and "otadata" registered on the flash.
    /// </summary>
    public sealed class UpdateRig
    {
        public const int FlashSize = 0x100000;
        public const int OtaDataOffset = 0xd000;
        public const int Ota0Offset = 0x10000;
        public const int SlotSize = 0x70000;
        public const string OldVersion = "3.3.004-1-gold";
        public const string NewVersion = "3.3.005-2-gnew";

        public readonly SimulatedFlash Flash;
        public readonly PartitionTable Table;
        public readonly byte[] OldImage;

        private UpdateRig(SimulatedFlash flash, byte[] oldImage)
        {
            Flash = flash;
            Table = MakeTable();
            OldImage = oldImage;
        }

        public PartitionEntry Ota0 { get { return Table.Find("ota_0"); } }
        public PartitionEntry Ota1 { get { return Table.Find("ota_1"); } }

        public static PartitionTable MakeTable()
        {
            return new PartitionTable(new PartitionEntry[]
            {
                new PartitionEntry("nvs", PartitionTypes.Data, PartitionTypes.DataNvs, 0x9000, 0x4000, 0),
                new PartitionEntry("otadata", PartitionTypes.Data, PartitionTypes.DataOta, OtaDataOffset, 0x2000, 0),
                new PartitionEntry("ota_0", PartitionTypes.App, PartitionTypes.AppOtaMin, Ota0Offset, SlotSize, 0),
                new PartitionEntry("ota_1", PartitionTypes.App, PartitionTypes.AppOtaMin + 1, Ota0Offset + SlotSize, SlotSize, 0),
            });
        }

        /// <summary>The rig with oldImage in ota_0 and otadata selecting it (seq 1); counters cleared.</summary>
        public static UpdateRig Create(byte[] oldImage, uint seed)
        {
            var rig = new UpdateRig(new SimulatedFlash(new MemorySectorStore(FlashSize), seed), oldImage);
            rig.Flash.Write(Ota0Offset, oldImage, 0, oldImage.Length);
            var slots = new BootSlots(rig.Flash, rig.Table);
            Assert.AreEqual(EspError.Ok, slots.SetBootPartition(rig.Ota0, rig.Check(), false));
            rig.Flash.Counters.AddRange("ota_0", Ota0Offset, SlotSize);
            rig.Flash.Counters.AddRange("ota_1", Ota0Offset + SlotSize, SlotSize);
            rig.Flash.Counters.AddRange("otadata", OtaDataOffset, 0x2000);
            rig.Flash.Counters.Clear();
            return rig;
        }

        /// <summary>The rig with the minimal old image.</summary>
        public static UpdateRig Create()
        {
            return Create(Image(OldVersion, 0), 1);
        }

        /// <summary>An updater running from ota_0 over flash (the rig's flash, or a decorator around it).</summary>
        public OtaUpdater Updater(IFlash flash, int bufferSize)
        {
            return new OtaUpdater(flash, Table, Ota0, new ImageValidator(), new byte[bufferSize]);
        }

        public OtaUpdater Updater()
        {
            return Updater(Flash, OtaUpdater.DefaultBufferSize);
        }

        public SlotImageCheck Check()
        {
            return new SlotImageCheck(Flash, new ImageValidator(), new byte[4096]);
        }

        /// <summary>What the OVMS bootloader (rollback off) loads after a reset; null when nothing is bootable.</summary>
        public PartitionEntry BootsAfterReset()
        {
            return new BootloaderModel(Flash, Table, Check(), false).Boot().Partition;
        }

        public PartitionEntry BootPartition()
        {
            return new BootSlots(Flash, Table).BootPartition();
        }

        /// <summary>The state of the active otadata entry.</summary>
        public uint BootState()
        {
            OtaDataPartition otadata = new BootSlots(Flash, Table).OtaData;
            int active = otadata.ActiveEntry();
            Assert.IsTrue(active != OtaSelection.NoEntry, "otadata has an active entry");
            return otadata.ReadEntry(active).State;
        }

        public byte[] Read(int address, int count)
        {
            var bytes = new byte[count];
            Flash.Read(address, bytes, 0, count);
            return bytes;
        }

        public byte[] OtaDataBytes() { return Read(OtaDataOffset, 0x2000); }

        /// <summary>The running slot's sectors that hold the old image (the counters prove the rest unwritten).</summary>
        public byte[] RunningBytes() { return Read(Ota0Offset, SlotEraser.AlignUp(OldImage.Length, FlashGeometry.SectorSize)); }

        /// <summary>
        /// After a failed update: otadata and the running slot byte-identical and never changed, ota_0 still boots,
        /// and ota_1 holds no bootable image.
        /// </summary>
        public void AssertUntouched(byte[] otaDataBefore, byte[] runningBefore, string what)
        {
            CollectionAssert.AreEqual(otaDataBefore, OtaDataBytes(), what + ": otadata bytes");
            CollectionAssert.AreEqual(runningBefore, RunningBytes(), what + ": running slot bytes");
            Assert.AreEqual(0, Flash.Counters.Range("ota_0").Changes, what + ": running slot changes");
            Assert.AreEqual(0, Flash.Counters.Range("otadata").Changes, what + ": otadata changes");
            Assert.AreEqual("ota_0", BootPartition().Label, what + ": boot partition");
            Assert.IsFalse(Check().HasValidImage(Ota1), what + ": ota_1 must not be bootable");
            Assert.AreEqual(FlashGeometry.Erased, Read(Ota1.Offset, 1)[0], what + ": byte 0 of ota_1");
        }

        /// <summary>
        /// Puts a valid earlier image into ota_1 (as after a previous update), so a test can see that a failed update
        /// leaves it unbootable rather than finding a blank slot; counters cleared.
        /// </summary>
        public void PutPreviousImageInTarget()
        {
            byte[] previous = Image("3.3.003-9-gprev", 0x11000);
            Flash.Write(Ota1.Offset, previous, 0, previous.Length);
            Assert.IsTrue(Check().HasValidImage(Ota1), "the previous image verifies");
            Flash.Counters.Clear();
        }

        /// <summary>A builder image of about size bytes (0 = minimal).</summary>
        public static byte[] Image(string version, int size)
        {
            var builder = new ImageBuilder(version);
            builder.Size = size;
            return builder.Build();
        }

        /// <summary>Pushes count bytes of image in chunks of chunk bytes into a session, then ends it.</summary>
        public static PartitionEntry Push(UpdateSession session, byte[] image, int count, int chunk)
        {
            for (int offset = 0; offset < count; offset += chunk)
                session.Write(image, offset, count - offset < chunk ? count - offset : chunk);
            return session.End();
        }

        /// <summary>Runs action, which must fail with UpdateException, and returns its message.</summary>
        public static string Rejected(Action action)
        {
            return Expect.Throws(typeof(UpdateException), action).Message;
        }

        public static MemoryStream Stream(byte[] image)
        {
            return new MemoryStream(image);
        }
    }
}

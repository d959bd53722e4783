#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.Flash;
using OvmsOta.Partitions;
using OvmsOta.Simulation;
using OvmsOta.Update;

namespace OvmsOta.Tests.Portable.Update
{
    /// <summary>
    /// What an update does to flash: each image sector erased exactly once, 64 KB blocks where aligned, just ahead
    /// of the writer, nothing outside the image's sectors and one otadata sector; each byte written once, byte 0 last.
    /// The target held an earlier image, so the strict flash would reject any write to a byte not erased first.
    /// </summary>
    [TestClass]
    public class UpdateErasePatternTests
    {
        private const int Chunk = 4096;

        [TestMethod]
        [DataRow(0)]
        [DataRow(0x11000)]
        [DataRow(100000)]
        [DataRow(0x2B000)]
        public void EachImageSectorIsErasedOnceJustAheadOfTheWriter(int size)
        {
            UpdateRig rig = UpdateRig.Create();
            rig.PutPreviousImageInTarget();
            byte[] image = UpdateRig.Image(UpdateRig.NewVersion, size);
            var recording = new RecordingFlash(rig.Flash);
            PartitionEntry target = rig.Updater(recording, Chunk).Install(UpdateRig.Stream(image), image.Length);
            int imageEnd = target.Offset + SlotEraser.AlignUp(image.Length, FlashGeometry.SectorSize);

            for (int address = 0; address < rig.Flash.Size; address += FlashGeometry.SectorSize)
            {
                bool imageSector = address >= target.Offset && address < imageEnd;
                bool switchedSector = address == UpdateRig.OtaDataOffset + FlashGeometry.SectorSize; // entry 1: the inactive one
                Assert.AreEqual(imageSector || switchedSector ? 1 : 0, recording.Erasures(address), "erasures of 0x" + address.ToString("x"));
            }
            FlashOpCounts slot = rig.Flash.Counters.Range("ota_1");
            int imageBytes = imageEnd - target.Offset;
            Assert.AreEqual(imageBytes / FlashGeometry.BlockSize, slot.BlockErases, "64 KB blocks where aligned");
            Assert.AreEqual(imageBytes % FlashGeometry.BlockSize / FlashGeometry.SectorSize, slot.SectorErases, "4 KB sectors for the rest");
            Assert.AreEqual((long)image.Length, slot.WriteBytes, "each byte written once");
            Assert.AreEqual((image.Length + Chunk - 1) / Chunk + 1, slot.Writes, "one write per chunk, plus the magic byte");
            Assert.AreEqual(2, rig.Flash.Counters.Range("otadata").Changes, "one otadata switch: 1 erase + 1 write");
            Assert.AreEqual(slot.Changes + 2, rig.Flash.Counters.Total.Changes, "nothing else changed");
            AssertErasesJustAhead(recording, target);
            AssertMagicLast(recording, target);
        }

        /// <summary>Every erase is needed by the very next write: that write reaches into the erased unit.</summary>
        private static void AssertErasesJustAhead(RecordingFlash recording, PartitionEntry target)
        {
            for (int i = 0; i < recording.Count; i++)
            {
                if (recording.Kinds[i] == RecordingFlash.WriteOp || recording.Addresses[i] < target.Offset || recording.Addresses[i] >= target.End)
                    continue;
                int next = i + 1;
                while (next < recording.Count && recording.Kinds[next] != RecordingFlash.WriteOp)
                    next++;
                Assert.IsTrue(next < recording.Count, "a write follows the erase at 0x" + recording.Addresses[i].ToString("x"));
                Assert.IsTrue(recording.Addresses[next] + recording.Sizes[next] > recording.Addresses[i],
                    "the erase at 0x" + recording.Addresses[i].ToString("x") + " is needed by the next write (0x" + recording.Addresses[next].ToString("x") + ")");
            }
        }

        /// <summary>Byte 0 is written once, alone, as the last change before the otadata switch.</summary>
        private static void AssertMagicLast(RecordingFlash recording, PartitionEntry target)
        {
            int writesOfByte0 = 0;
            for (int i = 0; i < recording.Count; i++)
                if (recording.Kinds[i] == RecordingFlash.WriteOp && recording.Addresses[i] <= target.Offset && recording.Addresses[i] + recording.Sizes[i] > target.Offset)
                    writesOfByte0++;
            Assert.AreEqual(1, writesOfByte0, "byte 0 written once");
            int magic = recording.Count - 3;
            Assert.AreEqual(RecordingFlash.WriteOp, recording.Kinds[magic]);
            Assert.AreEqual(target.Offset, recording.Addresses[magic]);
            Assert.AreEqual(1, recording.Sizes[magic]);
        }

        [TestMethod]
        public void WhileStreamingTheSlotIsNotBootable()
        {
            UpdateRig rig = UpdateRig.Create();
            rig.PutPreviousImageInTarget();
            byte[] image = UpdateRig.Image(UpdateRig.NewVersion, 0x11000);
            UpdateSession session = rig.Updater().Begin(image.Length);
            for (int offset = 0; offset < image.Length; offset += Chunk)
            {
                session.Write(image, offset, image.Length - offset < Chunk ? image.Length - offset : Chunk);
                Assert.AreEqual(FlashGeometry.Erased, rig.Read(session.Target.Offset, 1)[0], "byte 0 after " + session.BytesWritten.ToString() + " bytes");
                Assert.IsFalse(rig.Check().HasValidImage(session.Target), "bootable after " + session.BytesWritten.ToString() + " bytes");
            }
            CollectionAssert.AreEqual(Tail(image), Tail(rig.Read(session.Target.Offset, image.Length)), "everything but byte 0 is on flash before End");
            session.End();
            Assert.IsTrue(rig.Check().HasValidImage(session.Target));
        }

        private static byte[] Tail(byte[] bytes)
        {
            var tail = new byte[bytes.Length - 1];
            System.Array.Copy(bytes, 1, tail, 0, tail.Length);
            return tail;
        }
    }
}

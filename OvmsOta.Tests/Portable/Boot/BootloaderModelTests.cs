#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.Flash;
using OvmsOta.OtaData;
using OvmsOta.Partitions;
using OvmsOta.Simulation;
using OvmsOta.Tests.Portable.Flash;
using OvmsOta.Tests.Portable.OtaData;

namespace OvmsOta.Tests.Portable.Boot
{
    [TestClass]
    public class BootloaderModelTests
    {
        private const uint Blank = 0xFFFFFFFF;
        private const uint U = OtaState.Undefined;

        // Entry samples: seq, state, CRC good (1) or bad (0). Blank, every state at seq 1 and 2, bad CRCs (one PENDING_VERIFY:
        // the rollback-on bootloader rewrites it although the entry is not valid).
        private static readonly uint[] Samples =
        {
            Blank, U, 1,
            1, OtaState.New, 1, 1, OtaState.PendingVerify, 1, 1, OtaState.Valid, 1, 1, OtaState.Invalid, 1, 1, OtaState.Aborted, 1, 1, U, 1,
            2, OtaState.New, 1, 2, OtaState.PendingVerify, 1, 2, OtaState.Valid, 1, 2, OtaState.Aborted, 1, 2, U, 1,
            2, U, 0, 2, OtaState.PendingVerify, 0, 3, OtaState.Invalid, 0,
        };

        /// <summary>
        /// Every pair of entry samples x ota_0/ota_1 image valid or not, for one build and one factory case (0 absent,
        /// 1 present and valid, 2 present and corrupt): the model boots what the oracle boots and leaves the entries the
        /// oracle leaves, with two flash operations per rewrite.
        /// </summary>
        [TestMethod]
        [DataRow(false, 0)]
        [DataRow(false, 1)]
        [DataRow(false, 2)]
        [DataRow(true, 0)]
        [DataRow(true, 1)]
        [DataRow(true, 2)]
        public void TheModelDecidesAsTheEspIdfBootloaderForEveryOtaDataAndSlotState(bool rollback, int factoryCase)
        {
            int samples = Samples.Length / 3;
            PartitionTable table = BootTables.Make(factoryCase != 0, false);
            int cases = 0;
            int booted = 0;
            for (int a = 0; a < samples; a++)
                for (int b = 0; b < samples; b++)
                    for (int slots = 0; slots < 4; slots++)
                    {
                        bool ota0 = (slots & 1) != 0;
                        bool ota1 = (slots & 2) != 0;
                        SimulatedFlash flash = BootTables.SmallFlash();
                        WriteRaw(flash, 0, a);
                        WriteRaw(flash, 1, b);
                        uint[] seq = { Samples[a * 3], Samples[b * 3] };
                        uint[] state = { Samples[a * 3 + 1], Samples[b * 3 + 1] };
                        uint[] crc = { Crc(a), Crc(b) };
                        int expected = EspIdfBootloaderOracle.Boot(seq, state, crc, factoryCase != 0, factoryCase == 1, ota0, ota1, rollback);

                        flash.Counters.Clear();
                        BootResult result = new BootloaderModel(flash, table, new SlotImages(factoryCase == 1, ota0, ota1, false), rollback).Boot();

                        string what = "entries " + Describe(a) + " / " + Describe(b) + ", ota_0 " + (ota0 ? "ok" : "bad") + ", ota_1 " + (ota1 ? "ok" : "bad")
                            + ", factory case " + factoryCase.ToString() + ", rollback " + (rollback ? "on" : "off") + ": " + result.ToString();
                        Assert.AreEqual(expected, result.Booted ? result.Index : EspIdfBootloaderOracle.None, what);
                        var otadata = new OtaDataPartition(flash, table.OtaData);
                        for (int i = 0; i < 2; i++)
                        {
                            OtaEntry entry = otadata.ReadEntry(i);
                            Assert.AreEqual(seq[i], entry.Seq, what + ": seq of entry " + i.ToString());
                            Assert.AreEqual(state[i], entry.State, what + ": state of entry " + i.ToString());
                            Assert.AreEqual(crc[i], entry.Crc, what + ": crc of entry " + i.ToString());
                        }
                        Assert.AreEqual(2 * EspIdfBootloaderOracle.Rewrites, flash.Counters.Total.Changes, what + ": flash operations");
                        Assert.AreEqual(EspIdfBootloaderOracle.Rewrites, result.Writes.Length, what + ": writes reported");
                        cases++;
                        if (result.Booted)
                            booted++;
                    }
            Assert.AreEqual(samples * samples * 4, cases);
            // A valid factory app always loads; otherwise both outcomes occur (no slot valid = nothing boots).
            if (factoryCase == 1)
                Assert.AreEqual(cases, booted);
            else
                Assert.AreEqual(cases - samples * samples, booted);
        }

        [TestMethod]
        [DataRow(false)]
        [DataRow(true)]
        public void BlankOtaDataWithoutFactoryBootsOta0AndWritesTheFirstEntryAsEspIdfDoes(bool rollback)
        {
            SimulatedFlash flash = BootTables.SmallFlash();
            BootResult result = Model(flash, false, new SlotImages(false, true, true, false), rollback).Boot();

            Assert.AreEqual("ota_0", result.Partition.Label);
            Assert.AreEqual(OtaSelection.RuleInitialOta0, result.Rule);
            Assert.AreEqual(1, result.Writes.Length);
            byte[] entry0 = new byte[32];
            flash.Read(BootTables.OtaDataOffset, entry0, 0, 32);
            CollectionAssert.AreEqual(TestBytes.FromHex(OtaDataVectors.Seq1Valid), entry0);
            Expect.Contains("ota_0 loads", result.Reason);
        }

        [TestMethod]
        public void BlankOtaDataWithoutFactoryAndACorruptOta0BootsOta1AndRecordsIt()
        {
            SimulatedFlash flash = BootTables.SmallFlash();
            BootResult result = Model(flash, false, new SlotImages(false, false, true, false), false).Boot();

            Assert.AreEqual("ota_1", result.Partition.Label);
            Assert.AreEqual((uint)2, new OtaDataPartition(flash, BootTables.Make(false, false).OtaData).ReadEntry(0).Seq);
            Expect.Contains("ota_0 holds no valid image", result.Reason);
        }

        [TestMethod]
        public void BlankOtaDataWithFactoryBootsFactoryAndWritesNothing()
        {
            SimulatedFlash flash = BootTables.SmallFlash();
            BootResult result = Model(flash, true, new SlotImages(true, true, true, false), true).Boot();

            Assert.AreEqual("factory", result.Partition.Label);
            Assert.AreEqual(0, result.Writes.Length);
            Assert.AreEqual(0, flash.Counters.Total.Changes);
        }

        [TestMethod]
        public void WithoutOtaDataTheFactoryAppBoots()
        {
            var table = new PartitionTable(new PartitionEntry[]
            {
                new PartitionEntry("factory", PartitionTypes.App, PartitionTypes.AppFactory, 0x10000, 0x100000, 0),
            });
            BootResult result = new BootloaderModel(BootTables.SmallFlash(), table, new SlotImages(true, false, false, false), false).Boot();

            Assert.AreEqual("factory", result.Partition.Label);
            Assert.AreEqual(OtaSelection.RuleNoOtaData, result.Rule);
        }

        [TestMethod]
        public void RollbackOnTurnsNewIntoPendingVerifyThenAbortsItOnTheNextBoot()
        {
            SimulatedFlash flash = BootTables.SmallFlash();
            OtaDataPartition otadata = OtaDataOf(flash);
            otadata.WriteEntry(0, OtaEntry.Create(1, OtaState.Valid, null));
            otadata.WriteEntry(1, OtaEntry.Create(2, OtaState.New, null));
            BootloaderModel model = Model(flash, false, new SlotImages(false, true, true, false), true);

            BootResult first = model.Boot();
            Assert.AreEqual("ota_1", first.Partition.Label);
            Assert.AreEqual(OtaState.PendingVerify, otadata.ReadEntry(1).State);
            Assert.AreEqual("entry 1: seq 2, state NEW -> PENDING_VERIFY", first.Writes[0]);

            BootResult second = model.Boot();
            Assert.AreEqual("ota_0", second.Partition.Label);
            Assert.AreEqual(OtaState.Aborted, otadata.ReadEntry(1).State);
            Assert.AreEqual("entry 1: seq 2, state PENDING_VERIFY -> ABORTED", second.Writes[0]);

            BootResult third = model.Boot();
            Assert.AreEqual("ota_0", third.Partition.Label);
            Assert.AreEqual(0, third.Writes.Length);
        }

        [TestMethod]
        public void RollbackOffKeepsNewAndBootsItAgainButSkipsAbortedAndInvalid()
        {
            SimulatedFlash flash = BootTables.SmallFlash();
            OtaDataPartition otadata = OtaDataOf(flash);
            otadata.WriteEntry(0, OtaEntry.Create(1, OtaState.Undefined, null));
            otadata.WriteEntry(1, OtaEntry.Create(2, OtaState.New, null));
            BootloaderModel model = Model(flash, false, new SlotImages(false, true, true, false), false);

            Assert.AreEqual("ota_1", model.Boot().Partition.Label);
            Assert.AreEqual("ota_1", model.Boot().Partition.Label);
            Assert.AreEqual(OtaState.New, otadata.ReadEntry(1).State);
            Assert.AreEqual(0, flash.Counters.Total.Changes - 4);

            otadata.WriteEntry(1, OtaEntry.Create(2, OtaState.Aborted, null));
            Assert.AreEqual("ota_0", model.Boot().Partition.Label);
            otadata.WriteEntry(1, OtaEntry.Create(2, OtaState.Invalid, null));
            Assert.AreEqual("ota_0", model.Boot().Partition.Label);
        }

        [TestMethod]
        public void ACorruptSelectedSlotFallsBackWithoutChangingOtaData()
        {
            SimulatedFlash flash = BootTables.SmallFlash();
            OtaDataPartition otadata = OtaDataOf(flash);
            otadata.WriteEntry(1, OtaEntry.Create(2, OtaState.Undefined, null));
            flash.Counters.Clear();

            BootResult result = Model(flash, false, new SlotImages(false, true, false, false), false).Boot();

            Assert.AreEqual("ota_0", result.Partition.Label);
            Assert.AreEqual(0, flash.Counters.Total.Changes);
            Expect.Contains("selects ota_1; ota_1 holds no valid image; ota_0 loads", result.Reason);
        }

        [TestMethod]
        public void TheTestAppIsTriedLast()
        {
            SimulatedFlash flash = BootTables.SmallFlash();
            var table = BootTables.Make(true, true);
            BootResult result = new BootloaderModel(flash, table, new SlotImages(false, false, false, true), false).Boot();

            Assert.AreEqual("test", result.Partition.Label);
            Assert.AreEqual(BootloaderModel.TestIndex, result.Index);
        }

        [TestMethod]
        public void NoValidImageAnywhereIsItsOwnOutcome()
        {
            SimulatedFlash flash = BootTables.SmallFlash();
            var images = new SlotImages(false, false, false, false);
            BootResult result = Model(flash, true, images, false).Boot();

            Assert.IsFalse(result.Booted);
            Assert.IsNull(result.Partition);
            Expect.Contains("No bootable app partitions in the partition table", result.Reason);
            Assert.AreEqual(3, images.Checks);
        }

        [TestMethod]
        public void APowerCutDuringTheBootloadersOwnWritePropagates()
        {
            SimulatedFlash flash = BootTables.SmallFlash();
            OtaDataPartition otadata = OtaDataOf(flash);
            otadata.WriteEntry(1, OtaEntry.Create(2, OtaState.New, null));
            flash.ArmPowerCut(1, PowerCutKind.NotDone);

            Expect.Throws(typeof(PowerLossException), () => Model(flash, false, new SlotImages(false, true, true, false), true).Boot());
        }

        [TestMethod]
        public void TheBootloaderCountsEveryOtaSubtypeAsAppCount()
        {
            Assert.AreEqual(2, BootloaderModel.AppCount(BootTables.Make(true, true)));
            Assert.AreEqual(2, BootloaderModel.AppCount(BootTables.Make(false, false)));
        }

        private static BootloaderModel Model(SimulatedFlash flash, bool factory, IAppImageCheck images, bool rollback)
        {
            return new BootloaderModel(flash, BootTables.Make(factory, false), images, rollback);
        }

        private static OtaDataPartition OtaDataOf(SimulatedFlash flash)
        {
            return new OtaDataPartition(flash, BootTables.Make(false, false).OtaData);
        }

        private static uint Crc(int sample)
        {
            uint seq = Samples[sample * 3];
            if (seq == Blank)
                return 0xFFFFFFFF;
            return Samples[sample * 3 + 2] == 1 ? OtaCrc.OfSeq(seq) : OtaCrc.OfSeq(seq) ^ 0x5A5A5A5A;
        }

        /// <summary>Writes the sample as raw bytes (an entry with a bad CRC cannot be made through OtaEntry.Create).</summary>
        private static void WriteRaw(SimulatedFlash flash, int index, int sample)
        {
            byte[] bytes = Erased.NewBuffer(32);
            LittleEndian.WriteUInt32(bytes, 0, Samples[sample * 3]);
            LittleEndian.WriteUInt32(bytes, 24, Samples[sample * 3 + 1]);
            LittleEndian.WriteUInt32(bytes, 28, Crc(sample));
            flash.Write(BootTables.OtaDataOffset + index * 0x1000, bytes, 0, 32);
        }

        private static string Describe(int sample)
        {
            uint seq = Samples[sample * 3];
            if (seq == Blank)
                return "blank";
            return "seq " + seq.ToString() + " " + OtaState.Name(Samples[sample * 3 + 1]) + (Samples[sample * 3 + 2] == 1 ? "" : " bad-crc");
        }
    }
}

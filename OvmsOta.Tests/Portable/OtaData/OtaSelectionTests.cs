#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.OtaData;

namespace OvmsOta.Tests.Portable.OtaData
{
    [TestClass]
    public class OtaSelectionTests
    {
        private const uint Blank = 0xFFFFFFFF;
        private const uint U = OtaState.Undefined;

        private static OtaEntry Entry(uint seq, uint state, bool goodCrc)
        {
            OtaEntry entry = OtaEntry.Create(seq, state, null);
            if (goodCrc)
                return entry;
            byte[] bytes = entry.ToBytes();
            bytes[28] ^= 1;
            return OtaEntry.Read(bytes, 0);
        }

        // seq0, state0, crc0 ok, seq1, state1, crc1 ok -> active entry (bootloader_common_get_active_otadata).
        [TestMethod]
        [DataRow(Blank, U, true, Blank, U, true, -1)]
        [DataRow(1u, U, true, Blank, U, true, 0)]
        [DataRow(Blank, U, true, 1u, U, true, 1)]
        [DataRow(1u, U, true, 2u, U, true, 1)]
        [DataRow(3u, U, true, 2u, U, true, 0)]
        [DataRow(2u, U, true, 2u, U, true, 0)]
        [DataRow(3u, U, false, 2u, U, true, 1)]
        [DataRow(3u, U, false, 2u, U, false, -1)]
        [DataRow(3u, OtaState.Invalid, true, 2u, U, true, 1)]
        [DataRow(3u, OtaState.Aborted, true, 2u, U, true, 1)]
        [DataRow(3u, OtaState.PendingVerify, true, 2u, U, true, 0)]
        [DataRow(3u, OtaState.New, true, 2u, OtaState.Valid, true, 0)]
        [DataRow(0xFFFFFFFEu, U, true, 1u, U, true, 0)]
        public void TheActiveEntryIsTheValidOneWithTheLargerSeq(uint seq0, uint state0, bool crc0, uint seq1, uint state1, bool crc1, int active)
        {
            Assert.AreEqual(active, OtaSelection.ActiveEntry(Entry(seq0, state0, crc0), Entry(seq1, state1, crc1)));
        }

        // seq0, crc0 ok, seq1, factory present -> boot slot (-1 factory).
        [TestMethod]
        [DataRow(Blank, true, Blank, true, -1)]
        [DataRow(Blank, true, Blank, false, 0)]
        [DataRow(1u, true, Blank, true, 0)]
        [DataRow(1u, true, 2u, false, 1)]
        [DataRow(3u, true, 2u, false, 0)]
        [DataRow(3u, false, Blank, true, -1)]
        [DataRow(3u, false, Blank, false, 0)]
        [DataRow(4u, true, 3u, true, 1)]
        public void TheBootloaderSelectsTheActiveSlotElseFactoryElseOta0(uint seq0, bool crc0, uint seq1, bool factory, int slot)
        {
            Assert.AreEqual(slot, OtaSelection.BootSlot(Entry(seq0, U, crc0), Entry(seq1, U, true), 2, factory));
        }

        [TestMethod]
        public void WithoutOtaSlotsTheBootloaderBootsFactory()
        {
            Assert.AreEqual(OtaSelection.FactorySlot, OtaSelection.BootSlot(Entry(1, U, true), Entry(Blank, U, true), 0, true));
        }

        // current seq, target slot, slot count -> new seq (esp_rewrite_ota_data).
        [TestMethod]
        [DataRow(1u, 1, 2, 2u)]
        [DataRow(2u, 0, 2, 3u)]
        [DataRow(3u, 1, 2, 4u)]
        [DataRow(1u, 0, 2, 1u)]
        [DataRow(2u, 1, 2, 2u)]
        [DataRow(1u, 2, 3, 3u)]
        [DataRow(5u, 0, 3, 7u)]
        [DataRow(5u, 1, 3, 5u)]
        [DataRow(100u, 0, 2, 101u)]
        public void TheNextSeqSelectsTheTargetSlotAndNeverGoesBack(uint current, int slot, int count, uint expected)
        {
            uint next = OtaSelection.NextSeq(current, slot, count);
            Assert.AreEqual(expected, next);
            Assert.AreEqual(slot, OtaSelection.SlotOf(next, count));
            Assert.IsTrue(next >= current);
        }

        // state -> unconfirmed, after a rollback-on bootloader's step 2, when a rollback-on bootloader selects it.
        // The CRC covers only the seq, so any u32 can sit in the state field: an unknown one passes unchanged.
        [TestMethod]
        [DataRow(OtaState.New, true, OtaState.New, OtaState.PendingVerify)]
        [DataRow(OtaState.PendingVerify, true, OtaState.Aborted, OtaState.PendingVerify)]
        [DataRow(OtaState.Valid, false, OtaState.Valid, OtaState.Valid)]
        [DataRow(OtaState.Invalid, false, OtaState.Invalid, OtaState.Invalid)]
        [DataRow(OtaState.Aborted, false, OtaState.Aborted, OtaState.Aborted)]
        [DataRow(OtaState.Undefined, false, OtaState.Undefined, OtaState.Undefined)]
        [DataRow(5u, false, 5u, 5u)]
        [DataRow(0xFFFFFFFEu, false, 0xFFFFFFFEu, 0xFFFFFFFEu)]
        public void EachStateFollowsItsRuleAndAStateOutsideTheSixKnownPassesUnchanged(uint state, bool unconfirmed, uint atBoot, uint whenSelected)
        {
            Assert.AreEqual(unconfirmed, OtaSelection.IsUnconfirmed(state));
            Assert.AreEqual(atBoot, OtaSelection.StateAtBoot(state, true));
            Assert.AreEqual(whenSelected, OtaSelection.StateWhenSelected(state, true));
            Assert.AreEqual(state, OtaSelection.StateAtBoot(state, false), "a rollback-off bootloader rewrites nothing");
            Assert.AreEqual(state, OtaSelection.StateWhenSelected(state, false), "a rollback-off bootloader rewrites nothing");
        }

        // seq, state, crc ok, slot asked about -> turned down (the nightly job does not reinstall such a slot's version).
        [TestMethod]
        [DataRow(2u, OtaState.Aborted, true, 1, true)]
        [DataRow(2u, OtaState.Invalid, true, 1, true)]
        [DataRow(2u, OtaState.Valid, true, 1, false)]
        [DataRow(2u, OtaState.PendingVerify, true, 1, false)]
        [DataRow(2u, OtaState.Invalid, false, 1, false)]
        [DataRow(2u, OtaState.Invalid, true, 0, false)]
        [DataRow(Blank, OtaState.Aborted, true, 0, false)]
        public void ASlotWasTurnedDownWhenAnEntryWithAGoodCrcAbortedOrInvalidatedIt(uint seq, uint state, bool crc, int slot, bool turnedDown)
        {
            OtaEntry entry = Entry(seq, state, crc);
            OtaEntry blank = Entry(Blank, U, true);
            Assert.AreEqual(turnedDown, OtaSelection.WasTurnedDown(entry, blank, slot, 2), "in entry 0");
            Assert.AreEqual(turnedDown, OtaSelection.WasTurnedDown(blank, entry, slot, 2), "in entry 1");
        }

        [TestMethod]
        public void SlotNames()
        {
            Assert.AreEqual("factory", OtaSelection.SlotName(OtaSelection.FactorySlot));
            Assert.AreEqual("ota_1", OtaSelection.SlotName(1));
        }
    }
}

using System.Collections;
using OvmsOta.Flash;
using OvmsOta.OtaData;
using OvmsOta.Partitions;
using OvmsOta.Ports;

namespace OvmsOta.Simulation
{
    /// <summary>
    /// The ESP-IDF second-stage bootloader's choice of app (bootloader_utility_get_selected_boot_partition and
    /// bootloader_utility_load_boot_image, IDF 3.3 to HEAD), on an <see cref="IFlash"/>: in the rollback-off build
    /// deployed OVMS modules have, and in the rollback-on build. Selection rules are <see cref="OtaSelection"/>'s;
    /// this class adds the order of the steps, the otadata rewrites and the loading walk. Every try is a full image
    /// verification through <see cref="IAppImageCheck"/>. A power cut during one of its otadata writes propagates
    /// (<see cref="PowerLossException"/>), as the real bootloader just stops.
    /// </summary>
    public sealed class BootloaderModel
    {
        /// <summary>Index of the test app (app/test, subtype 0x20), tried last.</summary>
        public const int TestIndex = -2;

        private readonly IFlash _flash;
        private readonly PartitionTable _table;
        private readonly IAppImageCheck _images;
        private readonly bool _rollback;
        private readonly int _appCount;

        public BootloaderModel(IFlash flash, PartitionTable table, IAppImageCheck images, bool rollbackEnabled)
        {
            if (flash == null)
                throw new System.ArgumentNullException("flash");
            if (table == null)
                throw new System.ArgumentNullException("table");
            if (images == null)
                throw new System.ArgumentNullException("images");
            _flash = flash;
            _table = table;
            _images = images;
            _rollback = rollbackEnabled;
            _appCount = AppCount(table);
        }

        public bool RollbackEnabled { get { return _rollback; } }

        /// <summary>
        /// The bootloader's app_count: every app partition with subtype 0x10..0x1F, gaps included (the app side counts
        /// ota_0, ota_1 ... up to the first gap; the two agree on tables without gaps, which OVMS's are).
        /// </summary>
        public static int AppCount(PartitionTable table)
        {
            int count = 0;
            for (int i = 0; i < table.Count; i++)
                if (table[i].OtaIndex >= 0)
                    count++;
            return count;
        }

        /// <summary>One boot: selects, rewrites otadata as the build does, walks the slots; writes go to flash.</summary>
        public BootResult Boot()
        {
            var writes = new ArrayList();
            PartitionEntry otadataEntry = _table.OtaData;
            if (otadataEntry == null)
                return Load(OtaSelection.RuleNoOtaData, OtaSelection.FactorySlot, null, null, null, writes);

            var otadata = new OtaDataPartition(_flash, otadataEntry);
            OtaEntry entry0 = AbortPending(otadata, 0, otadata.ReadEntry(0), writes);
            OtaEntry entry1 = AbortPending(otadata, 1, otadata.ReadEntry(1), writes);
            int rule = OtaSelection.SelectionRule(entry0, entry1, _appCount, _table.Factory != null);
            int start = OtaSelection.StartSlot(rule, entry0, entry1, _appCount);
            if (rule == OtaSelection.RuleActiveEntry)
            {
                int active = OtaSelection.ActiveEntry(entry0, entry1);
                OtaEntry entry = active == 0 ? entry0 : entry1;
                uint state = OtaSelection.StateWhenSelected(entry.State, _rollback);
                if (state != entry.State)
                    Rewrite(otadata, active, entry, entry.WithState(state), writes);
            }
            return Load(rule, start, otadata, entry0, entry1, writes);
        }

        /// <summary>Step 2 with rollback on: an entry left PENDING_VERIFY by the previous boot becomes ABORTED.</summary>
        private OtaEntry AbortPending(OtaDataPartition otadata, int index, OtaEntry entry, ArrayList writes)
        {
            uint state = OtaSelection.StateAtBoot(entry.State, _rollback);
            if (state == entry.State)
                return entry;
            OtaEntry rewritten = entry.WithState(state);
            Rewrite(otadata, index, entry, rewritten, writes);
            return rewritten;
        }

        private static void Rewrite(OtaDataPartition otadata, int index, OtaEntry old, OtaEntry entry, ArrayList writes)
        {
            otadata.WriteEntry(index, entry);
            writes.Add("entry " + index.ToString() + ": seq " + entry.Seq.ToString() + ", state " + OtaState.Name(old.State) + " -> " + OtaState.Name(entry.State));
        }

        /// <summary>The loading walk: start, backwards to factory, forwards through higher OTA slots, then the test app.</summary>
        private BootResult Load(int rule, int start, OtaDataPartition otadata, OtaEntry entry0, OtaEntry entry1, ArrayList writes)
        {
            string skipped = "";
            for (int index = start; index >= OtaSelection.FactorySlot; index--)
                if (TryLoad(index, ref skipped))
                    return Loaded(rule, start, index, otadata, entry0, entry1, skipped, writes);
            for (int index = start + 1; index < _appCount; index++)
                if (TryLoad(index, ref skipped))
                    return Loaded(rule, start, index, otadata, entry0, entry1, skipped, writes);
            if (TryLoad(TestIndex, ref skipped))
                return Loaded(rule, start, TestIndex, otadata, entry0, entry1, skipped, writes);
            return new BootResult(null, start, rule, BootReasons.Selection(rule, start, entry0, entry1) + skipped
                + "; No bootable app partitions in the partition table", ToArray(writes));
        }

        private bool TryLoad(int index, ref string skipped)
        {
            PartitionEntry partition = PartitionAt(index);
            if (partition == null)
                return false;
            if (_images.HasValidImage(partition))
                return true;
            skipped += "; " + partition.Label + " holds no valid image";
            return false;
        }

        private BootResult Loaded(int rule, int start, int index, OtaDataPartition otadata, OtaEntry entry0, OtaEntry entry1, string skipped, ArrayList writes)
        {
            // set_actual_ota_seq: blank (or bad-CRC) otadata without factory gets its first entry once an OTA slot loads.
            if (rule == OtaSelection.RuleInitialOta0 && index >= 0)
            {
                OtaEntry first = OtaEntry.Create((uint)index + 1, OtaState.Valid, entry0.Label); // ESP-IDF rewrites its copy of entry 0: the label stays
                otadata.WriteEntry(0, first);
                writes.Add("entry 0: seq " + first.Seq.ToString() + ", state VALID (first entry, was " + entry0.ToString() + ")");
            }
            PartitionEntry partition = PartitionAt(index);
            string reason = BootReasons.Selection(rule, start, entry0, entry1) + skipped + "; " + partition.Label + " loads";
            return new BootResult(partition, index, rule, reason, ToArray(writes));
        }

        /// <summary>index_to_partition: factory, ota_N by subtype, the test app; null when absent.</summary>
        private PartitionEntry PartitionAt(int index)
        {
            if (index == OtaSelection.FactorySlot)
                return _table.Factory;
            if (index == TestIndex)
                return _table.Find(PartitionTypes.App, PartitionTypes.AppTest);
            return _table.OtaSlot(index);
        }

        private static string[] ToArray(ArrayList writes)
        {
            return (string[])writes.ToArray(typeof(string));
        }
    }
}

using OvmsOta.Flash;
using OvmsOta.Partitions;
using OvmsOta.Ports;

namespace OvmsOta.OtaData
{
    /// <summary>
    /// Which app partition boots, which one an update goes to, and switching the boot partition, as ESP-IDF's
    /// esp_ota_get_boot_partition / esp_ota_get_next_update_partition / esp_ota_set_boot_partition and OVMS's
    /// `ota boot` do. The running partition is not on flash: callers pass it in (the bootloader model knows it).
    /// </summary>
    public sealed class BootSlots
    {
        private readonly PartitionTable _table;
        private readonly OtaDataPartition _otaData;
        private readonly IFlash _flash;

        public BootSlots(IFlash flash, PartitionTable table)
        {
            _flash = flash;
            _table = table;
            PartitionEntry otadata = table.OtaData;
            _otaData = otadata == null ? null : new OtaDataPartition(flash, otadata);
        }

        public PartitionTable Table { get { return _table; } }

        /// <summary>The otadata partition, or null when the table has none (then factory always boots).</summary>
        public OtaDataPartition OtaData { get { return _otaData; } }

        /// <summary>
        /// The partition the bootloader selects from otadata (before it checks the image): the active entry's slot,
        /// else factory, else ota_0. Null when that partition does not exist.
        /// </summary>
        public PartitionEntry BootPartition()
        {
            if (_otaData == null)
                return _table.Factory;
            int slot = _otaData.BootSlot(_table.OtaSlotCount, _table.Factory != null);
            return SlotPartition(slot);
        }

        /// <summary>The partition of a slot index (<see cref="OtaSelection.FactorySlot"/> = factory), or null.</summary>
        public PartitionEntry SlotPartition(int slot)
        {
            return slot == OtaSelection.FactorySlot ? _table.Factory : _table.OtaSlot(slot);
        }

        /// <summary>
        /// Where an update goes while running runs: factory (or no running partition) -> ota_0, ota_N -> ota_N+1,
        /// the last OTA slot -> ota_0. Null when the table has no OTA slot other than the running one.
        /// </summary>
        public PartitionEntry NextUpdatePartition(PartitionEntry running)
        {
            int count = _table.OtaSlotCount;
            if (count == 0)
                return null;
            int index = running == null ? -1 : running.OtaIndex;
            PartitionEntry next = _table.OtaSlot(index < 0 ? 0 : (index + 1) % count);
            return next == running ? null : next;
        }

        /// <summary>
        /// esp_ota_set_boot_partition: refuses a non-app partition or an OTA slot beyond the table's count
        /// (<see cref="EspError.InvalidArg"/>), one without a valid image (<see cref="EspError.OtaValidateFailed"/>),
        /// a table without otadata (<see cref="EspError.NotFound"/>), a flash failure (<see cref="EspError.FlashOpFail"/>);
        /// all before any change except the last. Factory erases otadata; an OTA slot gets a new otadata entry with
        /// state Undefined (rollback off) or New (rollback on). Returns an <see cref="EspError"/> code.
        /// </summary>
        public int SetBootPartition(PartitionEntry partition, IAppImageCheck images, bool rollback)
        {
            return SetBootPartition(partition, images, rollback, null);
        }

        /// <summary>
        /// <see cref="SetBootPartition(PartitionEntry, IAppImageCheck, bool)"/> writing label into a new OTA entry
        /// (null keeps the sector's label, as ESP-IDF does); made for the seq <see cref="OtaDataPartition.SeqForSwitch"/> gives.
        /// </summary>
        public int SetBootPartition(PartitionEntry partition, IAppImageCheck images, bool rollback, byte[] label)
        {
            if (partition == null || !partition.IsApp)
                return EspError.InvalidArg;
            if (!images.HasValidImage(partition))
                return EspError.OtaValidateFailed;
            if (!partition.IsFactory && (partition.OtaIndex < 0 || partition.OtaIndex >= _table.OtaSlotCount))
                return EspError.InvalidArg;
            if (_otaData == null)
                return EspError.NotFound;
            try
            {
                if (partition.IsFactory)
                    _otaData.EraseAll();
                else
                    _otaData.SetBootSlot(partition.OtaIndex, _table.OtaSlotCount, rollback ? OtaState.New : OtaState.Undefined, label);
            }
            catch (FlashException)
            {
                return EspError.FlashOpFail;
            }
            return EspError.Ok;
        }

        /// <summary>
        /// OVMS `ota boot &lt;name&gt;` (name: factory, ota_0, ota_1 ...; looked up by subtype), rollback off as OVMS
        /// builds are. Returns OVMS's one-line result, or null when the table has no such partition (OVMS prints
        /// nothing then).
        /// </summary>
        public string Boot(string name, IAppImageCheck images)
        {
            int subtype = PartitionTypes.SubtypeValue(PartitionTypes.App, name);
            PartitionEntry partition = subtype < 0 || subtype == PartitionTypes.AppTest ? null : _table.Find(PartitionTypes.App, subtype);
            if (partition == null)
                return null;
            return BootText(SetBootPartition(partition, images, false), partition);
        }

        /// <summary>The line OVMS prints for the result of esp_ota_set_boot_partition(partition).</summary>
        public static string BootText(int error, PartitionEntry partition)
        {
            switch (error)
            {
                case EspError.Ok:
                    return "Boot from " + partition.Label + " at 0x" + partition.Offset.ToString("x8") + " (size 0x" + partition.Size.ToString("x8") + ")";
                case EspError.InvalidArg:
                    return "Error: partition argument didn't point to a valid OTA partition of type 'app'";
                case EspError.OtaValidateFailed:
                    return "Error: partition contained invalid app image, or signature validation failed";
                case EspError.NotFound:
                    return "Error: OTA partition not found";
                case EspError.FlashOpFail:
                case EspError.FlashOpTimeout:
                    return "Error: Flash erase/write failed";
                default:
                    return "Error: cannot set OTA boot partition (error " + error.ToString() + ")";
            }
        }
    }
}

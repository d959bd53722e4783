using System;
using OvmsOta.Flash;
using OvmsOta.Partitions;
using OvmsOta.Ports;

namespace OvmsOta.OtaData
{
    /// <summary>
    /// The otadata partition on flash: entry 0 at offset 0, entry 1 at 0x1000, one 4 KB sector each. Every change
    /// erases one sector and writes one 32-byte entry, as ESP-IDF does; a boot-slot switch writes only the sector
    /// that is not active, so a power cut at any point leaves the old or the new selection.
    /// Selection rules are in <see cref="OtaSelection"/>.
    /// </summary>
    public sealed class OtaDataPartition
    {
        public const int MinimumSize = 2 * FlashGeometry.SectorSize;

        private readonly IFlash _flash;
        private readonly int _offset;
        private readonly int _size;

        /// <summary>otadata: a partition of at least 0x2000 bytes, sector-aligned (the bootloader refuses smaller).</summary>
        public OtaDataPartition(IFlash flash, PartitionEntry otadata)
        {
            if (flash == null)
                throw new ArgumentNullException("flash");
            if (otadata == null)
                throw new ArgumentNullException("otadata", "the partition table has no otadata (data/ota) partition");
            if (otadata.Size < MinimumSize)
                throw new ArgumentException("ota_info partition size " + otadata.Size.ToString() + " is too small (minimum 8192 bytes)");
            if (otadata.Offset % FlashGeometry.SectorSize != 0)
                throw new ArgumentException("otadata at 0x" + otadata.Offset.ToString("x") + " is not aligned to 0x1000");
            _flash = flash;
            _offset = otadata.Offset;
            _size = otadata.Size;
        }

        public int Offset { get { return _offset; } }

        /// <summary>Reads entry index (0 or 1).</summary>
        public OtaEntry ReadEntry(int index)
        {
            var buffer = new byte[OtaEntry.Size];
            _flash.Read(SectorAddress(index), buffer, 0, OtaEntry.Size);
            return OtaEntry.Read(buffer, 0);
        }

        /// <summary>The active entry's index (0 or 1), or <see cref="OtaSelection.NoEntry"/>.</summary>
        public int ActiveEntry()
        {
            return OtaSelection.ActiveEntry(ReadEntry(0), ReadEntry(1));
        }

        /// <summary>The slot the bootloader would select (<see cref="OtaSelection.BootSlot"/>).</summary>
        public int BootSlot(int otaCount, bool hasFactory)
        {
            return OtaSelection.BootSlot(ReadEntry(0), ReadEntry(1), otaCount, hasFactory);
        }

        /// <summary>
        /// esp_rewrite_ota_data (IDF 3.3 to 5.5): select OTA slot on the next boot. With an active entry the new
        /// sequence (<see cref="OtaSelection.NextSeq"/>) goes into the other sector; without one, seq = slot + 1 goes
        /// into sector 0. state is <see cref="OtaState.Undefined"/> with rollback off (OVMS) or <see cref="OtaState.New"/>
        /// with rollback on. The label bytes of the target sector are kept. Two flash operations: erase, write.
        /// Throws ArgumentOutOfRangeException when slot is not below otaCount.
        /// </summary>
        public void SetBootSlot(int slot, int otaCount, uint state)
        {
            SetBootSlot(slot, otaCount, state, null);
        }

        /// <summary>
        /// <see cref="SetBootSlot(int, int, uint)"/> writing label (20 bytes) into the new entry instead of keeping the
        /// target sector's label; null keeps it. The label must be made for the seq <see cref="SeqForSwitch"/> gives.
        /// </summary>
        public void SetBootSlot(int slot, int otaCount, uint state, byte[] label)
        {
            int target;
            uint seq = SeqForSwitch(slot, otaCount, out target);
            WriteEntry(target, OtaEntry.Create(seq, state, label != null ? label : ReadEntry(target).Label));
        }

        /// <summary>The seq a switch to slot would write now.</summary>
        public uint SeqForSwitch(int slot, int otaCount)
        {
            int target;
            return SeqForSwitch(slot, otaCount, out target);
        }

        private uint SeqForSwitch(int slot, int otaCount, out int target)
        {
            if (slot < 0 || slot >= otaCount)
                throw new ArgumentOutOfRangeException("slot", "OTA slot " + slot.ToString() + " does not exist: the table has " + otaCount.ToString() + " OTA slots");
            OtaEntry entry0 = ReadEntry(0);
            OtaEntry entry1 = ReadEntry(1);
            int active = OtaSelection.ActiveEntry(entry0, entry1);
            if (active == OtaSelection.NoEntry)
            {
                target = 0;
                return (uint)slot + 1;
            }
            target = 1 - active;
            return OtaSelection.NextSeq(active == 0 ? entry0.Seq : entry1.Seq, slot, otaCount);
        }

        /// <summary>
        /// Rewrites the active entry in place with another state (esp_ota_mark_app_valid_cancel_rollback,
        /// esp_ota_mark_app_invalid_rollback): same sector, same seq. Returns false without touching flash when the
        /// state is already that. Throws InvalidOperationException when there is no active entry (factory running).
        /// Not power-safe by design, as in ESP-IDF: a cut after the erase leaves the other entry selected.
        /// </summary>
        public bool SetActiveState(uint state)
        {
            OtaEntry entry0 = ReadEntry(0);
            OtaEntry entry1 = ReadEntry(1);
            int active = OtaSelection.ActiveEntry(entry0, entry1);
            if (active == OtaSelection.NoEntry)
                throw new InvalidOperationException("no valid otadata entry to change (the factory app or a blank otadata is in use)");
            OtaEntry current = active == 0 ? entry0 : entry1;
            if (current.State == state)
                return false;
            WriteEntry(active, current.WithState(state));
            return true;
        }

        /// <summary>Erases the whole partition: what esp_ota_set_boot_partition(factory) does; the bootloader then boots factory.</summary>
        public void EraseAll()
        {
            // The active entry's sector goes last (ESP-IDF erases in address order): a cut after the first erase then
            // leaves the old selection, never an older entry that was waiting in the other sector.
            int active = ActiveEntry();
            int last = active == OtaSelection.NoEntry ? 1 : active;
            for (int address = _offset; address < _offset + _size; address += FlashGeometry.SectorSize)
                if (address != SectorAddress(last))
                    _flash.EraseSector(address);
            _flash.EraseSector(SectorAddress(last));
        }

        /// <summary>Erases sector index and writes entry at its start (ESP-IDF's write_otadata / rewrite_ota_seq).</summary>
        public void WriteEntry(int index, OtaEntry entry)
        {
            int address = SectorAddress(index);
            byte[] bytes = entry.ToBytes();
            _flash.EraseSector(address);
            _flash.Write(address, bytes, 0, OtaEntry.Size);
        }

        private int SectorAddress(int index)
        {
            if (index != 0 && index != 1)
                throw new ArgumentOutOfRangeException("index", "otadata has entries 0 and 1, not " + index.ToString());
            return _offset + index * FlashGeometry.SectorSize;
        }
    }
}

#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.Flash;
using OvmsOta.Image;
using OvmsOta.OtaData;
using OvmsOta.Partitions;

namespace OvmsOta.Tests.Portable.Update
{
    /// <summary>
    /// STAND-IN until Core/Boot's BootloaderModel is merged: swap the one call site (UpdatePowerCutSweep) for it.
    /// What the ESP32's second-stage bootloader with rollback off (the OVMS build) would run after a reset: the slot
    /// otadata selects (OtaSelection.BootSlot), then, if that image does not verify, the loading walk of
    /// bootloader_utility_load_boot_image: backwards to factory, then forwards through the higher OTA slots. Each
    /// try is a full image verification. Null when nothing loads. It ignores otadata states (rollback off) and
    /// does not model the "initial otadata" write (the tests always start from a valid entry).
    /// </summary>
    public static class StandInBootloader
    {
        public static PartitionEntry Boot(IFlash flash, PartitionTable table)
        {
            var slots = new BootSlots(flash, table);
            var check = new FlashImageCheck(flash, new ImageValidator(), new byte[4096]);
            int selected = slots.OtaData == null ? OtaSelection.FactorySlot
                : slots.OtaData.BootSlot(table.OtaSlotCount, table.Factory != null);
            for (int slot = selected; slot >= OtaSelection.FactorySlot; slot--)
            {
                PartitionEntry partition = slots.SlotPartition(slot);
                if (partition != null && check.HasValidImage(partition))
                    return partition;
            }
            for (int slot = selected + 1; slot < table.OtaSlotCount; slot++)
            {
                PartitionEntry partition = slots.SlotPartition(slot);
                if (partition != null && check.HasValidImage(partition))
                    return partition;
            }
            return null;
        }
    }
}

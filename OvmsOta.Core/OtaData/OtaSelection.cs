namespace OvmsOta.OtaData
{
    /// <summary>
    /// The otadata rules, in one place for the engine, the bootloader model and the tools (ESP-IDF keeps them in
    /// bootloader_common for the same reason): entry validity, the active entry, the slot a sequence selects,
    /// the next sequence of a switch, and the slot the bootloader picks. Pure functions, no flash access.
    /// Slots are OTA indexes (0 = ota_0); <see cref="FactorySlot"/> (-1) stands for the factory app.
    /// </summary>
    public static class OtaSelection
    {
        public const int FactorySlot = -1;
        public const int NoEntry = -1;

        /// <summary>bootloader_common_ota_select_invalid: blank, or marked INVALID or ABORTED (the CRC is not looked at).</summary>
        public static bool IsInvalid(OtaEntry entry)
        {
            return entry.Seq == OtaEntry.BlankSeq || entry.State == OtaState.Invalid || entry.State == OtaState.Aborted;
        }

        /// <summary>bootloader_common_ota_select_valid: not invalid and the CRC matches the seq.</summary>
        public static bool IsValid(OtaEntry entry)
        {
            return !IsInvalid(entry) && entry.HasValidCrc;
        }

        /// <summary>
        /// bootloader_common_get_active_otadata: the index (0 or 1) of the valid entry with the larger seq (entry 0 on
        /// a tie, seq compared as u32 without wrap-around), or <see cref="NoEntry"/> when neither is valid.
        /// </summary>
        public static int ActiveEntry(OtaEntry entry0, OtaEntry entry1)
        {
            bool valid0 = IsValid(entry0);
            bool valid1 = IsValid(entry1);
            if (valid0 && valid1)
                return entry0.Seq >= entry1.Seq ? 0 : 1;
            if (valid0)
                return 0;
            return valid1 ? 1 : NoEntry;
        }

        /// <summary>The OTA slot a sequence number selects: (seq - 1) % otaCount, in u32 as ESP-IDF computes it.</summary>
        public static int SlotOf(uint seq, int otaCount)
        {
            return (int)((seq - 1) % (uint)otaCount);
        }

        /// <summary>
        /// esp_rewrite_ota_data's new sequence when an active entry with activeSeq exists: base = (slot + 1) % otaCount,
        /// then the smallest base + i * otaCount that is &gt;= activeSeq. It is larger than activeSeq when the slot
        /// changes and equal when it stays (IDF 3.3 to 5.5 then still write the other sector, which keeps a switch to
        /// the current slot power-safe).
        /// </summary>
        public static uint NextSeq(uint activeSeq, int slot, int otaCount)
        {
            uint count = (uint)otaCount;
            uint first = (uint)(slot + 1) % count;
            if (activeSeq <= first)
                return first;
            uint steps = (activeSeq - first + count - 1) / count;
            return first + steps * count;
        }

        /// <summary>
        /// The slot the second-stage bootloader selects before it loads anything (bootloader_utility_get_selected_boot_partition
        /// with rollback off, and esp_ota_get_boot_partition on the app side): factory when both entries are invalid
        /// or there are no OTA slots, else the active entry's slot, else factory. Without a factory the bootloader
        /// starts at ota_0 in those cases. otaCount counts the table's OTA app partitions.
        /// </summary>
        public static int BootSlot(OtaEntry entry0, OtaEntry entry1, int otaCount, bool hasFactory)
        {
            int fallback = hasFactory ? FactorySlot : 0;
            if (otaCount == 0 || (IsInvalid(entry0) && IsInvalid(entry1)))
                return fallback;
            int active = ActiveEntry(entry0, entry1);
            if (active == NoEntry)
                return fallback;
            return SlotOf(active == 0 ? entry0.Seq : entry1.Seq, otaCount);
        }

        /// <summary>The slot's label: "factory" or "ota_N".</summary>
        public static string SlotName(int slot)
        {
            return slot == FactorySlot ? "factory" : "ota_" + slot.ToString();
        }
    }
}

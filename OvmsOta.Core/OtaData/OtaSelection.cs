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
            int rule = SelectionRule(entry0, entry1, otaCount, hasFactory);
            int start = StartSlot(rule, entry0, entry1, otaCount);
            // "Try all partitions" starts before ota_0 and reaches it first when there is no factory.
            return rule == RuleNoActiveTryAll ? 0 : start;
        }

        // The cases of bootloader_utility_get_selected_boot_partition (reference §3, steps 1, 3 and 4), in its order.
        /// <summary>No otadata partition: factory.</summary>
        public const int RuleNoOtaData = 0;
        /// <summary>Both entries invalid (or no OTA slots) and a factory app: factory.</summary>
        public const int RuleBothInvalidFactory = 1;
        /// <summary>Both entries invalid (or no OTA slots), no factory, some entry not "initial": ota_0, nothing written.</summary>
        public const int RuleBothInvalidOta0 = 2;
        /// <summary>Both entries "initial" (blank or bad CRC), no factory: ota_0, and entry 0 is written after a slot loads.</summary>
        public const int RuleInitialOta0 = 3;
        /// <summary>An active entry: its slot.</summary>
        public const int RuleActiveEntry = 4;
        /// <summary>No valid entry but not both invalid (bad CRCs), factory present: factory.</summary>
        public const int RuleNoActiveFactory = 5;
        /// <summary>No valid entry, no factory: "try all partitions" from index -1 (ota_0 first).</summary>
        public const int RuleNoActiveTryAll = 6;

        /// <summary>bootloader's "initial contents" test of one entry: blank seq or a CRC that does not match.</summary>
        public static bool IsInitial(OtaEntry entry)
        {
            return entry.Seq == OtaEntry.BlankSeq || !entry.HasValidCrc;
        }

        /// <summary>
        /// Which selection case applies to the entries as the bootloader reads them after its rollback rewrites
        /// (a RuleXxx constant). otaCount is the bootloader's count of OTA app partitions (subtypes 0x10..0x1F).
        /// </summary>
        public static int SelectionRule(OtaEntry entry0, OtaEntry entry1, int otaCount, bool hasFactory)
        {
            if (otaCount == 0 || (IsInvalid(entry0) && IsInvalid(entry1)))
            {
                if (hasFactory)
                    return RuleBothInvalidFactory;
                return IsInitial(entry0) && IsInitial(entry1) ? RuleInitialOta0 : RuleBothInvalidOta0;
            }
            if (ActiveEntry(entry0, entry1) != NoEntry)
                return RuleActiveEntry;
            return hasFactory ? RuleNoActiveFactory : RuleNoActiveTryAll;
        }

        /// <summary>The index the bootloader's loading walk starts from for rule (<see cref="FactorySlot"/> = factory, -1).</summary>
        public static int StartSlot(int rule, OtaEntry entry0, OtaEntry entry1, int otaCount)
        {
            if (rule == RuleBothInvalidOta0 || rule == RuleInitialOta0)
                return 0;
            if (rule != RuleActiveEntry)
                return FactorySlot;
            return SlotOf(ActiveEntry(entry0, entry1) == 0 ? entry0.Seq : entry1.Seq, otaCount);
        }

        // esp_ota_img_states_t as data: state, what a rollback-on bootloader rewrites it to before selection
        // (step 2), what it rewrites the active entry to before booting it (step 4), and 1 when the image it
        // names is unconfirmed (on trial). A rollback-off bootloader rewrites nothing. Other values pass unchanged.
        private static readonly uint[] StateRules =
        {
            OtaState.New,            OtaState.New,       OtaState.PendingVerify, 1,
            OtaState.PendingVerify,  OtaState.Aborted,   OtaState.PendingVerify, 1,
            OtaState.Valid,          OtaState.Valid,     OtaState.Valid,         0,
            OtaState.Invalid,        OtaState.Invalid,   OtaState.Invalid,       0,
            OtaState.Aborted,        OtaState.Aborted,   OtaState.Aborted,       0,
            OtaState.Undefined,      OtaState.Undefined, OtaState.Undefined,     0,
        };
        private const int StateRuleWidth = 4;

        /// <summary>The state an entry has after the bootloader's step 2 (PENDING_VERIFY -> ABORTED with rollback on).</summary>
        public static uint StateAtBoot(uint state, bool rollback)
        {
            return rollback ? StateRule(state, 1, state) : state;
        }

        /// <summary>The state the active entry gets before its slot boots (NEW -> PENDING_VERIFY with rollback on).</summary>
        public static uint StateWhenSelected(uint state, bool rollback)
        {
            return rollback ? StateRule(state, 2, state) : state;
        }

        /// <summary>NEW or PENDING_VERIFY: the entry's image has not been confirmed. UNDEFINED (rollback off) and VALID are committed.</summary>
        public static bool IsUnconfirmed(uint state)
        {
            return StateRule(state, 3, 0) == 1;
        }

        private static uint StateRule(uint state, int column, uint otherwise)
        {
            for (int row = 0; row < StateRules.Length; row += StateRuleWidth)
                if (StateRules[row] == state)
                    return StateRules[row + column];
            return otherwise;
        }

        /// <summary>
        /// True when an entry with a good CRC selects slot and was turned down (ABORTED by a rollback-on bootloader or
        /// our deadline, INVALID by a revert): the image in that slot failed its trial. ESP-IDF leaves such an entry
        /// until the next switch to the slot, so this survives reboots.
        /// </summary>
        public static bool WasTurnedDown(OtaEntry entry0, OtaEntry entry1, int slot, int otaCount)
        {
            return TurnedDown(entry0, slot, otaCount) || TurnedDown(entry1, slot, otaCount);
        }

        private static bool TurnedDown(OtaEntry entry, int slot, int otaCount)
        {
            return entry.Seq != OtaEntry.BlankSeq && entry.HasValidCrc && SlotOf(entry.Seq, otaCount) == slot
                && (entry.State == OtaState.Aborted || entry.State == OtaState.Invalid);
        }

        /// <summary>The slot's label: "factory" or "ota_N".</summary>
        public static string SlotName(int slot)
        {
            return slot == FactorySlot ? "factory" : "ota_" + slot.ToString();
        }
    }
}

using OvmsOta.OtaData;

namespace OvmsOta.Simulation
{
    /// <summary>The sentence for each selection case of the bootloader, one table of texts.</summary>
    public static class BootReasons
    {
        // Indexed by OtaSelection.RuleXxx.
        private static readonly string[] Texts =
        {
            "no otadata partition: the factory app is selected",
            "both otadata entries are invalid (blank, INVALID or ABORTED): the factory app is selected",
            "both otadata entries are invalid (blank, INVALID or ABORTED) and there is no factory app: ota_0 is selected",
            "otadata is blank (or both CRCs are bad) and there is no factory app: ota_0 is selected and gets the first entry",
            "an otadata entry is active", // composed with the entry in Selection
            "no otadata entry is valid (bad CRC): the factory app is selected",
            "no otadata entry is valid (bad CRC) and there is no factory app: every slot is tried from ota_0",
        };

        public static string Selection(int rule, int start, OtaEntry entry0, OtaEntry entry1)
        {
            string text = Texts[rule];
            if (rule != OtaSelection.RuleActiveEntry)
                return text;
            int active = OtaSelection.ActiveEntry(entry0, entry1);
            OtaEntry entry = active == 0 ? entry0 : entry1;
            return "otadata entry " + active.ToString() + " (seq " + entry.Seq.ToString() + ", " + OtaState.Name(entry.State)
                + ") is active and selects " + OtaSelection.SlotName(start);
        }
    }
}

#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.OtaData;

namespace OvmsOta.Tests.Portable.Boot
{
    /// <summary>
    /// A second, independent reading of the ESP-IDF bootloader for the exhaustive test: a line-by-line transcription of
    /// bootloader_utility_get_selected_boot_partition, bootloader_common_get_active_otadata and
    /// bootloader_utility_load_boot_image on raw numbers, sharing nothing with the model but the CRC function.
    /// Slots: factory (optional), ota_0, ota_1, no test app. Returns the booted index (-1 factory, -3 none) and
    /// leaves the expected entries in seq/state and the number of otadata sector rewrites in Rewrites.
    /// </summary>
    public static class EspIdfBootloaderOracle
    {
        public const int None = -3;
        public static int Rewrites;

        public static int Boot(uint[] seq, uint[] state, uint[] crc, bool hasFactory, bool factoryOk, bool ota0Ok, bool ota1Ok, bool rollback)
        {
            Rewrites = 0;
            const int appCount = 2;
            if (rollback)
                for (int i = 0; i < 2; i++)
                    if (state[i] == 1)
                    {
                        state[i] = 4;
                        Rewrites++;
                    }
            bool initialContents = false;
            int bootIndex;
            if (Invalid(seq[0], state[0]) && Invalid(seq[1], state[1]))
            {
                if (hasFactory)
                    bootIndex = -1;
                else
                {
                    bootIndex = 0;
                    if ((seq[0] == 0xFFFFFFFF || crc[0] != OtaCrc.OfSeq(seq[0])) && (seq[1] == 0xFFFFFFFF || crc[1] != OtaCrc.OfSeq(seq[1])))
                        initialContents = true;
                }
            }
            else
            {
                bool valid0 = !Invalid(seq[0], state[0]) && crc[0] == OtaCrc.OfSeq(seq[0]);
                bool valid1 = !Invalid(seq[1], state[1]) && crc[1] == OtaCrc.OfSeq(seq[1]);
                int active = -1;
                if (valid0 && valid1)
                    active = seq[0] >= seq[1] ? 0 : 1;
                else if (valid0)
                    active = 0;
                else if (valid1)
                    active = 1;
                if (active != -1)
                {
                    bootIndex = (int)((seq[active] - 1) % appCount);
                    if (rollback && state[active] == 0)
                    {
                        state[active] = 1;
                        Rewrites++;
                    }
                }
                else
                    bootIndex = -1;
            }
            bool[] ok = { factoryOk && hasFactory, ota0Ok, ota1Ok };
            for (int index = bootIndex; index >= -1; index--)
                if (index >= 0 || hasFactory)
                    if (ok[index + 1])
                        return Loaded(index, initialContents, seq, state, crc);
            for (int index = bootIndex + 1; index < appCount; index++)
                if (ok[index + 1])
                    return Loaded(index, initialContents, seq, state, crc);
            return None;
        }

        private static int Loaded(int index, bool initialContents, uint[] seq, uint[] state, uint[] crc)
        {
            if (index > -1 && initialContents)
            {
                seq[0] = (uint)index + 1;
                state[0] = 2;
                crc[0] = OtaCrc.OfSeq(seq[0]);
                Rewrites++;
            }
            return index;
        }

        private static bool Invalid(uint seq, uint state)
        {
            return seq == 0xFFFFFFFF || state == 3 || state == 4;
        }
    }
}

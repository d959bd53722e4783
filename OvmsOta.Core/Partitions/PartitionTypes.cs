namespace OvmsOta.Partitions
{
    /// <summary>
    /// ESP-IDF partition type and subtype values, and their CSV keywords in gen_esp32part.py's order
    /// (that order shows in its "Known keywords" error text).
    /// </summary>
    public static class PartitionTypes
    {
        public const int App = 0x00;
        public const int Data = 0x01;
        public const int Bootloader = 0x02;
        public const int PartitionTable = 0x03;

        public const int AppFactory = 0x00;
        /// <summary>ota_0; ota_N is AppOtaMin + N, up to ota_15.</summary>
        public const int AppOtaMin = 0x10;
        public const int AppOtaCount = 16;
        public const int AppTest = 0x20;

        public const int DataOta = 0x00;
        public const int DataPhy = 0x01;
        public const int DataNvs = 0x02;
        public const int DataCoredump = 0x03;
        public const int DataUndefined = 0x06;
        public const int DataFat = 0x81;

        /// <summary>OvmsOta's deploy_N (a nanoFramework deployment paired with ota_N), partitions/ovmsota-device16M.csv.</summary>
        public const int DataDeploy = 0x84;

        private static readonly string[] TypeNames = { "app", "data", "bootloader", "partition_table" };
        private static readonly int[] TypeValues = { App, Data, Bootloader, PartitionTable };

        private static readonly string[] AppSubtypeNames =
        {
            "factory", "test", "ota_0", "ota_1", "ota_2", "ota_3", "ota_4", "ota_5", "ota_6", "ota_7",
            "ota_8", "ota_9", "ota_10", "ota_11", "ota_12", "ota_13", "ota_14", "ota_15",
        };
        private static readonly int[] AppSubtypeValues =
        {
            0x00, 0x20, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F,
        };
        private static readonly string[] DataSubtypeNames =
        {
            "ota", "phy", "nvs", "coredump", "nvs_keys", "efuse", "undefined", "esphttpd", "fat", "spiffs", "littlefs",
        };
        private static readonly int[] DataSubtypeValues = { 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x80, 0x81, 0x82, 0x83 };
        private static readonly string[] BootSubtypeNames = { "primary", "ota" };
        private static readonly int[] BootSubtypeValues = { 0x00, 0x01 };

        /// <summary>Keywords accepted for the Type column, with their values (parallel arrays).</summary>
        public static string[] TypeKeywords { get { return TypeNames; } }

        /// <summary>Keywords for the SubType column of type; empty for a type without keywords.</summary>
        public static string[] SubtypeKeywords(int type)
        {
            switch (type)
            {
                case App: return AppSubtypeNames;
                case Data: return DataSubtypeNames;
                case Bootloader:
                case PartitionTable: return BootSubtypeNames;
                default: return new string[0];
            }
        }

        /// <summary>Value of keyword (already lower-case) for the type column, or -1.</summary>
        public static int TypeValue(string keyword)
        {
            return Lookup(TypeNames, TypeValues, keyword);
        }

        /// <summary>Value of keyword (already lower-case) for the subtype column of type, or -1.</summary>
        public static int SubtypeValue(int type, string keyword)
        {
            switch (type)
            {
                case App: return Lookup(AppSubtypeNames, AppSubtypeValues, keyword);
                case Data: return Lookup(DataSubtypeNames, DataSubtypeValues, keyword);
                case Bootloader:
                case PartitionTable: return Lookup(BootSubtypeNames, BootSubtypeValues, keyword);
                default: return -1;
            }
        }

        /// <summary>Keyword of a type value, or null when it has none.</summary>
        public static string TypeName(int type)
        {
            return ReverseLookup(TypeNames, TypeValues, type);
        }

        /// <summary>Keyword of a subtype value of type, or null when it has none.</summary>
        public static string SubtypeName(int type, int subtype)
        {
            switch (type)
            {
                case App: return ReverseLookup(AppSubtypeNames, AppSubtypeValues, subtype);
                case Data: return ReverseLookup(DataSubtypeNames, DataSubtypeValues, subtype);
                case Bootloader:
                case PartitionTable: return ReverseLookup(BootSubtypeNames, BootSubtypeValues, subtype);
                default: return null;
            }
        }

        /// <summary>Offset alignment gen_esp32part requires: 64 KB for apps (MMU pages), 4 KB for everything else.</summary>
        public static int OffsetAlignment(int type)
        {
            return type == App ? 0x10000 : 0x1000;
        }

        private static int Lookup(string[] names, int[] values, string keyword)
        {
            for (int i = 0; i < names.Length; i++)
                if (names[i] == keyword)
                    return values[i];
            return -1;
        }

        private static string ReverseLookup(string[] names, int[] values, int value)
        {
            for (int i = 0; i < values.Length; i++)
                if (values[i] == value)
                    return names[i];
            return null;
        }
    }
}

namespace OvmsOta.Partitions
{
    /// <summary>OVMS's classification of a table (ovms_partitions.cpp), as a table of conditions and texts.</summary>
    public static class OvmsLayouts
    {
        private const int MinStoreOffset = 0xc10000;
        private const int MinStoreSize = 0x100000;
        private const int MaxStoreOffset = 0xe10000;
        private const int MaxStoreSize = 0x1f0000;

        public static OvmsLayout Classify(PartitionTable table)
        {
            bool factory = table.Factory != null;
            bool ota0 = table.OtaSlot(0) != null;
            bool ota1 = table.OtaSlot(1) != null;
            bool minStore = HasFatAt(table, MinStoreOffset, MinStoreSize);
            bool maxStore = HasFatAt(table, MaxStoreOffset, MaxStoreSize);
            // OVMS's rules below would call OvmsOta's device table v3-35 (same store, no factory): its deploy_N says otherwise.
            if (ota0 && ota1 && !factory && IsDeploy(table.Find("deploy_0")) && IsDeploy(table.Find("deploy_1")))
                return OvmsLayout.Device;
            if (factory && ota0 && ota1 && !maxStore)
                return OvmsLayout.V3_30;
            if (factory && ota0 && ota1 && minStore && maxStore)
                return OvmsLayout.V3_34;
            if (ota0 && ota1 && maxStore && !factory)
                return OvmsLayout.V3_35;
            return OvmsLayout.Unknown;
        }

        /// <summary>The text OVMS prints after "Partition type:".</summary>
        public static string Describe(OvmsLayout layout)
        {
            switch (layout)
            {
                case OvmsLayout.V3_30: return "v3-30 (factory, ota1, ota2, 1MB store)";
                case OvmsLayout.V3_34: return "v3-34 (factory, ota1, ota2, dual store)";
                case OvmsLayout.V3_35: return "v3-35 (ota1, ota2, no factory, maximized store)";
                case OvmsLayout.Device: return "ovmsota-device (ota_0+deploy_0, ota_1+deploy_1)";
                default: return "unknown";
            }
        }

        private static bool IsDeploy(PartitionEntry p)
        {
            return p != null && p.Type == PartitionTypes.Data && p.Subtype == PartitionTypes.DataDeploy;
        }

        private static bool HasFatAt(PartitionTable table, int offset, int size)
        {
            for (int i = 0; i < table.Count; i++)
            {
                PartitionEntry p = table[i];
                if (p.Type == PartitionTypes.Data && p.Subtype == PartitionTypes.DataFat && p.Offset == offset && p.Size == size)
                    return true;
            }
            return false;
        }
    }
}

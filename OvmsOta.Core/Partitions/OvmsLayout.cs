namespace OvmsOta.Partitions
{
    /// <summary>The OVMS partition layouts `ota status` reports as "Partition type:".</summary>
    public enum OvmsLayout
    {
        Unknown,
        /// <summary>factory, ota_0, ota_1 of 4 MB, 1 MB store (3.3.005 and older).</summary>
        V3_30,
        /// <summary>v3-30 plus store2 at 0xe10000 (half-way through the partition upgrade).</summary>
        V3_34,
        /// <summary>ota_0, ota_1 of 7 MB, no factory, store at 0xe10000 (3.3.006 and later).</summary>
        V3_35,
        /// <summary>OvmsOta's own table: ota_0 + deploy_0, ota_1 + deploy_1, no factory (partitions/ovmsota-device16M.csv).</summary>
        Device,
    }
}

using System;

namespace OvmsOta.UpdateServer
{
    /// <summary>
    /// OVMS's product name, the update server directory of a module: v3.0, v3.1 or v3.3 from the
    /// hardware build and ESP32 chip revision, with "-5" on the v3-35 partition layout (images over 4 MB).
    /// </summary>
    public static class OvmsProduct
    {
        /// <summary>Hardware build names as OVMS's build configuration has them.</summary>
        public const string Hardware30 = "3.0";
        public const string Hardware31 = "3.1";

        /// <summary>The partition type code that gets the "-5" suffix.</summary>
        public const string PartitionTypeV335 = "v3-35";

        /// <summary>
        /// Product for a hardware build ("3.0" or "3.1"), a chip revision and a partition type, given as
        /// its code ("v3-30", "v3-34", "v3-35", "unknown") or as OVMS prints it ("v3-35 (ota1, ...)").
        /// </summary>
        public static string Name(string hardware, int chipRevision, string partitionType)
        {
            string product;
            if (hardware == Hardware30)
                product = "v3.0";
            else if (hardware == Hardware31)
                product = chipRevision < 3 ? "v3.1" : "v3.3";
            else
                throw new ArgumentException("Unknown OVMS hardware \"" + hardware + "\": expected \""
                    + Hardware30 + "\" or \"" + Hardware31 + "\"");
            return IsV335(partitionType) ? product + "-5" : product;
        }

        static bool IsV335(string partitionType)
        {
            if (partitionType == null)
                return false;
            return partitionType == PartitionTypeV335 || partitionType.StartsWith(PartitionTypeV335 + " ");
        }
    }
}

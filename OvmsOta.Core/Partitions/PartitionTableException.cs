using System;

namespace OvmsOta.Partitions
{
    /// <summary>A partition table (binary or CSV) that ESP-IDF's tools or bootloader would reject; the message is theirs.</summary>
    public class PartitionTableException : Exception
    {
        public PartitionTableException(string message) : base(message) { }
    }
}

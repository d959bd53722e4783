using System;

namespace OvmsOta.Flash
{
    /// <summary>A flash access the NOR device would not honour: out of range, unaligned erase, or setting bits without erase.</summary>
    public class FlashException : Exception
    {
        public FlashException(string message) : base(message) { }
    }
}

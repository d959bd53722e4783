using OvmsOta.Flash;

namespace OvmsOta.Config
{
    /// <summary>What one of the two copies of the config region holds.</summary>
    public enum ConfigCopyState
    {
        /// <summary>Erased header: never written, or erased before a write that the power cut.</summary>
        Blank,
        /// <summary>Magic, format version, length and CRC all check out.</summary>
        Valid,
        /// <summary>Anything else: a torn write or erase, another format, foreign data.</summary>
        Damaged,
    }
}

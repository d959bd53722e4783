using OvmsOta.Flash;

namespace OvmsOta.Ports
{
    /// <summary>
    /// The one backend every flash access of the engine goes through (as MCUboot's flash_map_backend):
    /// NOR semantics, absolute addresses. Erased bytes read 0xFF; a write can only clear bits.
    /// </summary>
    public interface IFlash
    {
        /// <summary>Size of the whole device in bytes (16 MB on an OVMS v3 module).</summary>
        int Size { get; }

        /// <summary>Reads count bytes at address into buffer[offset..].</summary>
        void Read(int address, byte[] buffer, int offset, int count);

        /// <summary>Programs count bytes at address; the bytes must have been erased since their last write.</summary>
        void Write(int address, byte[] buffer, int offset, int count);

        /// <summary>Erases the 4 KB sector at address (address must be sector-aligned).</summary>
        void EraseSector(int address);

        /// <summary>Erases the 64 KB block at address (address must be block-aligned).</summary>
        void EraseBlock(int address);
    }
}

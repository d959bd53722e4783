namespace OvmsOta.Simulation
{
    /// <summary>
    /// Where a <see cref="SimulatedFlash"/> keeps its sectors: memory (sparse) or a host image file.
    /// The NOR rules live in SimulatedFlash only; a store just loads and stores whole 4 KB sectors.
    /// </summary>
    public interface ISectorStore
    {
        /// <summary>Number of 4 KB sectors the device has.</summary>
        int SectorCount { get; }

        /// <summary>
        /// The sector's bytes, or null when the whole sector is erased. The caller may change the returned
        /// array and must then hand it back through <see cref="Store"/>.
        /// </summary>
        byte[] Load(int sector);

        /// <summary>
        /// Copies count bytes of the sector from inSector into buffer[offset..] (0xFF where erased), without handing
        /// out the sector: a read needs neither a new array nor to know whether the sector is erased.
        /// </summary>
        void Read(int sector, int inSector, byte[] buffer, int offset, int count);

        /// <summary>Replaces the sector's bytes; null means erased (all 0xFF).</summary>
        void Store(int sector, byte[] data);
    }
}

namespace OvmsOta.Simulation
{
    /// <summary>Operation and byte counts of one flash, or of one named address range of it.</summary>
    public sealed class FlashOpCounts
    {
        public int Reads;
        public long ReadBytes;
        public int Writes;
        public long WriteBytes;
        public int SectorErases;
        public int BlockErases;
        public long ErasedBytes;

        /// <summary>Operations that change the flash (writes and erases): the ones a power cut is counted in.</summary>
        public int Changes { get { return Writes + SectorErases + BlockErases; } }

        public void Clear()
        {
            Reads = 0; ReadBytes = 0; Writes = 0; WriteBytes = 0;
            SectorErases = 0; BlockErases = 0; ErasedBytes = 0;
        }

        public override string ToString()
        {
            return "reads " + Reads.ToString() + " (" + ReadBytes.ToString() + " B), writes " + Writes.ToString()
                + " (" + WriteBytes.ToString() + " B), sector erases " + SectorErases.ToString()
                + ", block erases " + BlockErases.ToString() + " (" + ErasedBytes.ToString() + " B erased)";
        }
    }
}

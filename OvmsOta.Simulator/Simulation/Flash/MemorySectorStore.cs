using OvmsOta.Flash;

namespace OvmsOta.Simulation
{
    /// <summary>
    /// Sparse in-memory sectors: an array of 4 KB arrays, null while erased, so a 16 MB device costs
    /// a 4096-slot reference array until it is written and no single object exceeds 16 KB.
    /// </summary>
    public sealed class MemorySectorStore : ISectorStore
    {
        private readonly byte[][] _sectors;

        public MemorySectorStore(int size)
        {
            if (size <= 0 || size % FlashGeometry.SectorSize != 0)
                throw new System.ArgumentException("flash size must be a positive multiple of 0x1000, got 0x" + size.ToString("x"));
            _sectors = new byte[size / FlashGeometry.SectorSize][];
        }

        public int SectorCount { get { return _sectors.Length; } }

        public byte[] Load(int sector) { return _sectors[sector]; }

        public void Read(int sector, int inSector, byte[] buffer, int offset, int count)
        {
            byte[] data = _sectors[sector];
            if (data == null)
                Erased.Fill(buffer, offset, count);
            else
                System.Array.Copy(data, inSector, buffer, offset, count);
        }

        public void Store(int sector, byte[] data) { _sectors[sector] = data; }
    }
}

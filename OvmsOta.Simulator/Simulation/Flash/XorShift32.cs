namespace OvmsOta.Simulation
{
    /// <summary>
    /// Tiny seeded pseudo-random source (Marsaglia xorshift32) for torn writes and erases:
    /// nanoFramework has no System.Random, and a fixed seed makes every power-cut run reproducible.
    /// </summary>
    public sealed class XorShift32
    {
        private uint _state;

        public XorShift32(uint seed)
        {
            _state = seed == 0 ? 0x9E3779B9u : seed;
        }

        public uint Next()
        {
            uint x = _state;
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            _state = x;
            return x;
        }

        /// <summary>A value in [0, bound) (bound &gt; 0).</summary>
        public int Below(int bound)
        {
            return (int)(Next() % (uint)bound);
        }

        /// <summary>Fills buffer[offset..offset+count) with pseudo-random bytes.</summary>
        public void Fill(byte[] buffer, int offset, int count)
        {
            int end = offset + count;
            for (int i = offset; i < end; i++)
                buffer[i] = (byte)Next();
        }
    }
}

#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.Flash;
using OvmsOta.Ports;

namespace OvmsOta.Tests.Portable.Update
{
    /// <summary>
    /// Passes every access to the flash it wraps and logs each change in order (kind, address, size), plus how often
    /// each 4 KB sector was erased: what the erase-pattern and power-cut tests reason about. Fixed-size log.
    /// </summary>
    public sealed class RecordingFlash : IFlash
    {
        public const int Capacity = 4096;
        public const char WriteOp = 'W';
        public const char SectorEraseOp = 'S';
        public const char BlockEraseOp = 'B';

        private readonly IFlash _inner;
        private readonly int[] _erasures;
        public readonly char[] Kinds = new char[Capacity];
        public readonly int[] Addresses = new int[Capacity];
        public readonly int[] Sizes = new int[Capacity];
        public int Count;

        public RecordingFlash(IFlash inner)
        {
            _inner = inner;
            _erasures = new int[inner.Size / FlashGeometry.SectorSize];
        }

        public int Size { get { return _inner.Size; } }

        /// <summary>How many times the sector holding address was erased (by sector or block erase).</summary>
        public int Erasures(int address) { return _erasures[address / FlashGeometry.SectorSize]; }

        public void Read(int address, byte[] buffer, int offset, int count) { _inner.Read(address, buffer, offset, count); }

        public void Write(int address, byte[] buffer, int offset, int count)
        {
            Log(WriteOp, address, count);
            _inner.Write(address, buffer, offset, count);
        }

        public void EraseSector(int address)
        {
            Log(SectorEraseOp, address, FlashGeometry.SectorSize);
            _inner.EraseSector(address);
        }

        public void EraseBlock(int address)
        {
            Log(BlockEraseOp, address, FlashGeometry.BlockSize);
            _inner.EraseBlock(address);
        }

        /// <summary>Index (from 0) of the first change touching [address, address+size), or -1.</summary>
        public int FirstChangeIn(int address, int size)
        {
            for (int i = 0; i < Count; i++)
                if (Addresses[i] < address + size && Addresses[i] + Sizes[i] > address)
                    return i;
            return -1;
        }

        private void Log(char kind, int address, int size)
        {
            Assert.IsTrue(Count < Capacity, "the recording log is full");
            Kinds[Count] = kind;
            Addresses[Count] = address;
            Sizes[Count] = size;
            Count++;
            if (kind != WriteOp)
                for (int sector = address / FlashGeometry.SectorSize; sector < (address + size) / FlashGeometry.SectorSize; sector++)
                    _erasures[sector]++;
        }
    }
}

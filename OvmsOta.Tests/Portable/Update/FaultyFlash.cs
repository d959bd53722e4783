#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using OvmsOta.Flash;
using OvmsOta.Ports;

namespace OvmsOta.Tests.Portable.Update
{
    /// <summary>
    /// A flash that goes wrong on purpose: the N-th write throws <see cref="FlashException"/> (a failing chip), or
    /// the byte at one address (not 0x00) is stored with its lowest set bit cleared (a silent fault only a read-back can see).
    /// </summary>
    public sealed class FaultyFlash : IFlash
    {
        private readonly IFlash _inner;
        private int _writes;

        /// <summary>1-based number of the write that throws; 0 = none.</summary>
        public int FailingWrite;
        /// <summary>Address whose byte is stored with bit 0 cleared; -1 = none.</summary>
        public int FlipAddress = -1;

        public FaultyFlash(IFlash inner) { _inner = inner; }

        public int Size { get { return _inner.Size; } }

        public void Read(int address, byte[] buffer, int offset, int count) { _inner.Read(address, buffer, offset, count); }

        public void Write(int address, byte[] buffer, int offset, int count)
        {
            _writes++;
            if (_writes == FailingWrite)
                throw new FlashException("simulated program failure at 0x" + address.ToString("x"));
            if (FlipAddress >= address && FlipAddress < address + count)
            {
                var copy = new byte[count];
                Array.Copy(buffer, offset, copy, 0, count);
                int at = FlipAddress - address;
                copy[at] = (byte)(copy[at] & (copy[at] - 1)); // the lowest set bit cleared: still a legal NOR write
                _inner.Write(address, copy, 0, count);
                return;
            }
            _inner.Write(address, buffer, offset, count);
        }

        public void EraseSector(int address) { _inner.EraseSector(address); }

        public void EraseBlock(int address) { _inner.EraseBlock(address); }
    }
}

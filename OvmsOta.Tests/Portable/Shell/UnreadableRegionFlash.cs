using OvmsOta.Flash;
using OvmsOta.Ports;

namespace OvmsOta.Tests.Portable.Shell
{
    /// <summary>A flash whose reads inside one region fail (a worn or unreadable store), everything else passed through.</summary>
    public sealed class UnreadableRegionFlash : IFlash
    {
        private readonly IFlash _flash;
        private readonly int _start;
        private readonly int _end;

        public UnreadableRegionFlash(IFlash flash, int start, int size)
        {
            _flash = flash;
            _start = start;
            _end = start + size;
        }

        public int Size { get { return _flash.Size; } }

        public void Read(int address, byte[] buffer, int offset, int count)
        {
            if (address < _end && address + count > _start)
                throw new FlashException("read failed at 0x" + address.ToString("x"));
            _flash.Read(address, buffer, offset, count);
        }

        public void Write(int address, byte[] buffer, int offset, int count) { _flash.Write(address, buffer, offset, count); }
        public void EraseSector(int address) { _flash.EraseSector(address); }
        public void EraseBlock(int address) { _flash.EraseBlock(address); }
    }
}

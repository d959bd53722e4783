#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using OvmsOta.Flash;

namespace OvmsOta.Tests.Portable.Image
{
    /// <summary>
    /// The least IFlash the image tests need: a small byte array with NOR write semantics and read
    /// counting. Private to these tests; the real simulated flash lives in OvmsOta.Core/Flash.
    /// </summary>
    internal sealed class ImageTestFlash : IFlash
    {
        readonly byte[] _bytes;

        public ImageTestFlash(int size)
        {
            _bytes = new byte[size];
            for (int i = 0; i < size; i++)
                _bytes[i] = 0xFF;
        }

        public int Size
        {
            get { return _bytes.Length; }
        }

        /// <summary>Bytes read so far, to check readers stop at the image's end.</summary>
        public int BytesRead;

        public void Read(int address, byte[] buffer, int offset, int count)
        {
            Array.Copy(_bytes, address, buffer, offset, count);
            BytesRead += count;
        }

        public void Write(int address, byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++)
                _bytes[address + i] &= buffer[offset + i];
        }

        public void EraseSector(int address)
        {
            Erase(address, FlashGeometry.SectorSize);
        }

        public void EraseBlock(int address)
        {
            Erase(address, FlashGeometry.BlockSize);
        }

        void Erase(int address, int size)
        {
            for (int i = 0; i < size; i++)
                _bytes[address + i] = 0xFF;
        }
    }
}

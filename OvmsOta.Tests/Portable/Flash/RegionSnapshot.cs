#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.Ports;

namespace OvmsOta.Tests.Portable.Flash
{
    /// <summary>
    /// A flash region's bytes kept in 64 KB pieces, to assert later that the region did not change. nanoCLR
    /// allocates no object above about 786 KB, so a region such as the 2 MB store is never read into one array.
    /// </summary>
    public sealed class RegionSnapshot
    {
        public const int PieceSize = 0x10000;

        private readonly int _address;
        private readonly byte[][] _pieces;

        public RegionSnapshot(IFlash flash, int address, int length)
        {
            _address = address;
            Length = length;
            _pieces = new byte[(length + PieceSize - 1) / PieceSize][];
            for (int i = 0; i < _pieces.Length; i++)
            {
                _pieces[i] = new byte[PieceLength(i)];
                flash.Read(address + i * PieceSize, _pieces[i], 0, _pieces[i].Length);
            }
        }

        public int Length { get; private set; }

        /// <summary>Asserts flash still holds the snapshot's bytes, naming the first address that differs.</summary>
        public void AssertUnchanged(IFlash flash, string what)
        {
            byte[] now = new byte[PieceSize];
            for (int i = 0; i < _pieces.Length; i++)
            {
                byte[] then = _pieces[i];
                flash.Read(_address + i * PieceSize, now, 0, then.Length);
                for (int j = 0; j < then.Length; j++)
                {
                    if (then[j] != now[j])
                        Assert.AreEqual(then[j], now[j], what + ": byte at 0x" + (_address + i * PieceSize + j).ToString("x"));
                }
            }
        }

        private int PieceLength(int piece)
        {
            int rest = Length - piece * PieceSize;
            return rest < PieceSize ? rest : PieceSize;
        }
    }
}

using OvmsOta.Flash;
using OvmsOta.Ports;

namespace OvmsOta.Update
{
    /// <summary>
    /// Erases a slot just ahead of the writer, never the whole slot up front (that stalls the download for up to a
    /// minute on a 7 MB slot). It keeps an erased-up-to mark; when a write needs bytes beyond it, it erases the next
    /// unit: a 64 KB block when the mark is 64 KB-aligned and the whole block lies within the image's sectors
    /// (align_up(expected size, 4 KB)), else a 4 KB sector. So each image sector is erased exactly once and nothing
    /// past the image's last sector is touched.
    /// </summary>
    public sealed class SlotEraser
    {
        private readonly IFlash _flash;
        private readonly int _limit;
        private int _erasedUpTo;

        /// <summary>start: the slot's (sector-aligned) address; imageSize: the bytes that will be written from it.</summary>
        public SlotEraser(IFlash flash, int start, int imageSize)
        {
            _flash = flash;
            _erasedUpTo = start;
            _limit = start + AlignUp(imageSize, FlashGeometry.SectorSize);
        }

        /// <summary>Everything below this address (from the slot start) has been erased by this eraser.</summary>
        public int ErasedUpTo { get { return _erasedUpTo; } }

        /// <summary>The end of the image's last sector: nothing at or above it is ever erased.</summary>
        public int Limit { get { return _limit; } }

        /// <summary>Erases units until [start, end) is erased; end must not exceed <see cref="Limit"/>.</summary>
        public void EraseUpTo(int end)
        {
            if (end > _limit)
                throw new System.ArgumentOutOfRangeException("end", "erase up to 0x" + end.ToString("x")
                    + " goes past the image's last sector, which ends at 0x" + _limit.ToString("x"));
            while (_erasedUpTo < end)
            {
                if (_erasedUpTo % FlashGeometry.BlockSize == 0 && _limit - _erasedUpTo >= FlashGeometry.BlockSize)
                {
                    _flash.EraseBlock(_erasedUpTo);
                    _erasedUpTo += FlashGeometry.BlockSize;
                }
                else
                {
                    _flash.EraseSector(_erasedUpTo);
                    _erasedUpTo += FlashGeometry.SectorSize;
                }
            }
        }

        /// <summary>
        /// Erases [address, address + length) at once, in the same units (`ota erase`, `ota copy`): one erase loop for
        /// every writer, so the erase pattern the tests count is the same everywhere.
        /// </summary>
        public static void Erase(IFlash flash, int address, int length)
        {
            new SlotEraser(flash, address, length).EraseUpTo(address + length);
        }

        public static int AlignUp(int value, int unit)
        {
            return (value + unit - 1) / unit * unit;
        }
    }
}

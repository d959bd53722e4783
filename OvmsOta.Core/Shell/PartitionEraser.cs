using OvmsOta.Flash;
using OvmsOta.Ports;

namespace OvmsOta.Shell
{
    /// <summary>Erases a range with 64 KB block erases where aligned and 4 KB sector erases elsewhere.</summary>
    public static class PartitionEraser
    {
        /// <summary>Erases [address, address + length); both must be sector-aligned.</summary>
        public static void Erase(IFlash flash, int address, int length)
        {
            int end = address + length;
            while (address < end)
            {
                if (address % FlashGeometry.BlockSize == 0 && end - address >= FlashGeometry.BlockSize)
                {
                    flash.EraseBlock(address);
                    address += FlashGeometry.BlockSize;
                }
                else
                {
                    flash.EraseSector(address);
                    address += FlashGeometry.SectorSize;
                }
            }
        }

        /// <summary>The sector-rounded length holding size bytes (esp_ota_begin erases ceil(size / 4096) sectors).</summary>
        public static int SectorsFor(int size)
        {
            return (size + FlashGeometry.SectorSize - 1) / FlashGeometry.SectorSize * FlashGeometry.SectorSize;
        }
    }
}

using System;
using OvmsOta.Flash;
using OvmsOta.Partitions;
using OvmsOta.Ports;

namespace OvmsOta.Firmware.Bindings
{
    /// <summary>
    /// Core's <see cref="IFlash"/> (absolute addresses) over the native layer (partition label + offset). The
    /// partition list comes from the native listing at start; each access must lie inside one partition and goes
    /// there with address - partition.Offset. The table sector at 0x8000 is not in any partition: reads of it are
    /// served from the same listing written back in gen_esp32part's binary layout (records, MD5 record, 0xFF), so
    /// the engine reads its table as on any flash; writes and erases there are refused. Everything else outside a
    /// partition (bootloader, gaps) is refused before the native layer sees it. A non-zero esp_err_t becomes a
    /// <see cref="NativeFlashException"/> naming the code, the partition and the offset.
    /// </summary>
    public sealed class NativeFlashBinding : IFlash
    {
        /// <summary>Most records the listing may return: a 0xC00-byte table also holds the MD5 record and the end marker.</summary>
        public const int MaxPartitions = PartitionTable.MaxLength / PartitionTable.EntrySize - 2;

        private readonly INativeFlash _native;
        private readonly int _size;
        private readonly PartitionTable _table;
        private readonly byte[] _tableImage;

        /// <param name="size">the flash chip's size (16 MB on an OVMS v3 module)</param>
        public NativeFlashBinding(INativeFlash native, int size)
        {
            if (native == null)
                throw new ArgumentNullException("native");
            _native = native;
            _size = size;
            byte[] records = ReadListing(native);
            _table = PartitionTable.FromBinary(records, 0, records.Length, size);
            _tableImage = _table.ToBinary();
        }

        public int Size { get { return _size; } }

        /// <summary>The partitions the native listing reported, in table order.</summary>
        public PartitionTable Table { get { return _table; } }

        public void Read(int address, byte[] buffer, int offset, int count)
        {
            CheckSpan(buffer, offset, count);
            if (InTableSector(address, count))
            {
                ReadTable(address, buffer, offset, count);
                return;
            }
            PartitionEntry partition = Holding(address, count, "read");
            Check(_native.Read(partition.Label, address - partition.Offset, buffer, offset, count), "read", partition, address, count);
        }

        public void Write(int address, byte[] buffer, int offset, int count)
        {
            CheckSpan(buffer, offset, count);
            PartitionEntry partition = Holding(address, count, "write");
            Check(_native.Write(partition.Label, address - partition.Offset, buffer, offset, count), "write", partition, address, count);
        }

        public void EraseSector(int address)
        {
            PartitionEntry partition = Holding(address, FlashGeometry.SectorSize, "sector erase");
            Check(_native.EraseSector(partition.Label, address - partition.Offset), "sector erase", partition, address, FlashGeometry.SectorSize);
        }

        public void EraseBlock(int address)
        {
            PartitionEntry partition = Holding(address, FlashGeometry.BlockSize, "block erase");
            Check(_native.EraseBlock(partition.Label, address - partition.Offset), "block erase", partition, address, FlashGeometry.BlockSize);
        }

        /// <summary>Label of the running app partition (esp_ota_get_running_partition), or null when the native side cannot tell.</summary>
        public string RunningLabel()
        {
            byte[] record = Erased.NewBuffer(PartitionTable.MaxLength);
            if (_native.RunningPartitionEntry(record) != EspErrors.Ok)
                return null;
            PartitionTable one = PartitionTable.FromBinary(record, 0, record.Length, _size);
            return one.Count == 1 ? one[0].Label : null;
        }

        /// <summary>Every record of the listing, then 0xFF: the layout PartitionTable.FromBinary reads.</summary>
        private static byte[] ReadListing(INativeFlash native)
        {
            byte[] records = Erased.NewBuffer(PartitionTable.MaxLength);
            byte[] record = new byte[PartitionTable.EntrySize];
            for (int index = 0; ; index++)
            {
                int status = native.PartitionEntry(index, record);
                if (status == EspErrors.NotFound)
                    return records;
                if (status != EspErrors.Ok)
                    throw new FlashException("partition listing failed: " + EspErrors.Describe(status) + " at entry " + index.ToString());
                if (index == MaxPartitions)
                    throw new FlashException("partition listing has more than " + MaxPartitions.ToString() + " entries: expected ESP_ERR_NOT_FOUND (0x105) after the last");
                Array.Copy(record, 0, records, index * PartitionTable.EntrySize, PartitionTable.EntrySize);
            }
        }

        private static bool InTableSector(int address, int count)
        {
            return address >= PartitionTable.DefaultOffset && address + count <= PartitionTable.DefaultOffset + FlashGeometry.SectorSize;
        }

        private void ReadTable(int address, byte[] buffer, int offset, int count)
        {
            int start = address - PartitionTable.DefaultOffset;
            int fromImage = start >= _tableImage.Length ? 0 : (start + count <= _tableImage.Length ? count : _tableImage.Length - start);
            if (fromImage > 0)
                Array.Copy(_tableImage, start, buffer, offset, fromImage);
            Erased.Fill(buffer, offset + fromImage, count - fromImage);
        }

        /// <summary>The partition that holds all of [address, address + count), or a FlashException saying why none does.</summary>
        private PartitionEntry Holding(int address, int count, string operation)
        {
            if (address < 0 || count < 0 || address > _size - count)
                throw new FlashException("flash " + operation + " refused: 0x" + address.ToString("x") + " + " + count.ToString()
                    + " bytes is outside the 0x" + _size.ToString("x") + "-byte flash");
            for (int i = 0; i < _table.Count; i++)
            {
                PartitionEntry partition = _table[i];
                if (address < partition.Offset || address >= partition.End)
                    continue;
                if (count > partition.End - address)
                    throw new FlashException("flash " + operation + " refused: 0x" + address.ToString("x") + " + " + count.ToString()
                        + " bytes runs past the end of " + partition.Label + " (0x" + partition.End.ToString("x") + ")");
                return partition;
            }
            throw new FlashException("flash " + operation + " refused: 0x" + address.ToString("x") + " is in no partition"
                + " (the bootloader and the partition table are not reachable through the native layer)");
        }

        private static void CheckSpan(byte[] buffer, int offset, int count)
        {
            NativeArguments.Span(buffer, "buffer", offset, count, "count");
        }

        private static void Check(int status, string operation, PartitionEntry partition, int address, int count)
        {
            if (status != EspErrors.Ok)
                throw new NativeFlashException(operation, status, partition.Label, address - partition.Offset, address, count);
        }
    }
}

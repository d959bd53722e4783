using System;
using System.Collections.Generic;
using OvmsOta.Firmware.Bindings;
using OvmsOta.Flash;
using OvmsOta.Partitions;
using OvmsOta.Ports;
using OvmsOta.Simulation;
using Entry = OvmsOta.Partitions.PartitionEntry;

namespace OvmsOta.Tests.Host.Firmware
{
    /// <summary>
    /// A fake of the native flash layer for NativeFlashBinding: partitions by label over a SimulatedFlash, with the
    /// checks native/src/ovmsota_flash.c makes (tested there against a fake ESP-IDF) and its esp_err_t codes: unknown
    /// label 0x105, offset outside 0x102, range past the end 0x104, unaligned erase 0x102, readonly or the running
    /// partition (and deploy_N beside it) 0x10D. It records each call as "op label+0xoffset".
    /// </summary>
    public sealed class FakeNativeFlash : INativeFlash
    {
        private readonly IFlash _flash;
        private readonly PartitionTable _table;
        private readonly string _running;

        public readonly List<string> Calls = new List<string>();

        /// <summary>A status to return from the listing at this index instead of the record (-1: none).</summary>
        public int ListingFailureIndex = -1;
        public int ListingFailureStatus;

        public FakeNativeFlash(IFlash flash, PartitionTable table, string running)
        {
            _flash = flash;
            _table = table;
            _running = running;
        }

        public int PartitionEntry(int index, byte[] entry)
        {
            if (index == ListingFailureIndex)
                return ListingFailureStatus;
            if (index >= _table.Count)
                return EspErrors.NotFound;
            Array.Copy(_table.ToBinary(), index * PartitionTable.EntrySize, entry, 0, PartitionTable.EntrySize);
            return EspErrors.Ok;
        }

        public int RunningPartitionEntry(byte[] entry)
        {
            for (int i = 0; i < _table.Count; i++)
            {
                if (_table[i].Label == _running)
                    return PartitionEntry(i, entry);
            }
            return EspErrors.NotFound;
        }

        public int Read(string label, int offset, byte[] buffer, int bufferOffset, int count)
        {
            Calls.Add("read " + label + "+0x" + offset.ToString("x"));
            int status = Range(label, offset, count, out Entry p);
            if (status == EspErrors.Ok)
                _flash.Read(p.Offset + offset, buffer, bufferOffset, count);
            return status;
        }

        public int Write(string label, int offset, byte[] buffer, int bufferOffset, int count)
        {
            Calls.Add("write " + label + "+0x" + offset.ToString("x"));
            int status = Writable(label, offset, count, 1, out Entry p);
            if (status == EspErrors.Ok)
                _flash.Write(p.Offset + offset, buffer, bufferOffset, count);
            return status;
        }

        public int EraseSector(string label, int offset)
        {
            Calls.Add("erase-sector " + label + "+0x" + offset.ToString("x"));
            int status = Writable(label, offset, FlashGeometry.SectorSize, FlashGeometry.SectorSize, out Entry p);
            if (status == EspErrors.Ok)
                _flash.EraseSector(p.Offset + offset);
            return status;
        }

        public int EraseBlock(string label, int offset)
        {
            Calls.Add("erase-block " + label + "+0x" + offset.ToString("x"));
            int status = Writable(label, offset, FlashGeometry.BlockSize, FlashGeometry.BlockSize, out Entry p);
            if (status == EspErrors.Ok)
                _flash.EraseBlock(p.Offset + offset);
            return status;
        }

        private int Writable(string label, int offset, int count, int alignment, out Entry p)
        {
            int status = Range(label, offset, count, out p);
            if (status != EspErrors.Ok)
                return status;
            if ((p.Offset + offset) % alignment != 0)
                return EspErrors.InvalidArg;
            if ((p.Flags & Entry.FlagReadOnly) != 0 || label == _running || label == PairedDeploy(_running))
                return EspErrors.NotAllowed;
            return EspErrors.Ok;
        }

        private int Range(string label, int offset, int count, out Entry p)
        {
            p = _table.Find(label);
            if (p == null)
                return EspErrors.NotFound;
            if (offset < 0 || offset > p.Size)
                return EspErrors.InvalidArg;
            if (count < 0 || count > p.Size - offset)
                return EspErrors.InvalidSize;
            return EspErrors.Ok;
        }

        private static string PairedDeploy(string running)
        {
            return running != null && running.StartsWith("ota_", StringComparison.Ordinal) ? "deploy_" + running.Substring(4) : null;
        }
    }
}

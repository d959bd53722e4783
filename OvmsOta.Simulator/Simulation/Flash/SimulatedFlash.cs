using System;
using OvmsOta.Flash;
using OvmsOta.Ports;

namespace OvmsOta.Simulation
{
    /// <summary>
    /// A strict NOR flash for tests and the simulator, over any <see cref="ISectorStore"/> (sparse memory or a host
    /// image file). Like MCUboot's simulated flash it rejects what real flash would silently get wrong: a write that
    /// would set a bit from 0 to 1 without an erase, an unaligned erase, any access outside the device. A rejected
    /// operation changes nothing. It counts operations (<see cref="Counters"/>) and can cut the power during the
    /// N-th write or erase (<see cref="ArmPowerCut"/>); reads never change the flash, so they are not counted
    /// towards a cut (a cut "during a read" is the same as one before the next write or erase).
    /// </summary>
    public sealed class SimulatedFlash : IFlash
    {
        private const int SectorSize = FlashGeometry.SectorSize;
        private readonly ISectorStore _store;
        private readonly int _size;
        private readonly FlashCounters _counters = new FlashCounters();
        private readonly XorShift32 _random;
        private int _changesUntilCut;   // 0 = no cut armed
        private PowerCutKind _cutKind;
        private bool _poweredOff;

        /// <summary>A fully erased in-memory flash of size bytes (a multiple of 4 KB).</summary>
        public SimulatedFlash(int size) : this(new MemorySectorStore(size), 1) { }

        /// <summary>A flash over store; seed drives the garbage of torn operations.</summary>
        public SimulatedFlash(ISectorStore store, uint seed)
        {
            if (store == null)
                throw new ArgumentNullException("store");
            _store = store;
            _size = store.SectorCount * SectorSize;
            _random = new XorShift32(seed);
        }

        public int Size { get { return _size; } }

        public FlashCounters Counters { get { return _counters; } }

        /// <summary>True from a power cut until <see cref="Reboot"/>.</summary>
        public bool IsPoweredOff { get { return _poweredOff; } }

        /// <summary>
        /// Cuts the power during the changeNumber-th write or erase from now (1 = the next one). The cut operation
        /// is done, not done or torn as kind says; it then throws <see cref="PowerLossException"/>, and so does
        /// every access until <see cref="Reboot"/>.
        /// </summary>
        public void ArmPowerCut(int changeNumber, PowerCutKind kind)
        {
            if (changeNumber < 1)
                throw new ArgumentOutOfRangeException("changeNumber", "the cut operation is counted from 1, got " + changeNumber.ToString());
            _changesUntilCut = changeNumber;
            _cutKind = kind;
        }

        /// <summary>Disarms a pending cut without cutting.</summary>
        public void DisarmPowerCut() { _changesUntilCut = 0; }

        /// <summary>Power comes back: the flash keeps exactly what the cut left, any pending cut is disarmed.</summary>
        public void Reboot()
        {
            _poweredOff = false;
            _changesUntilCut = 0;
        }

        public void Read(int address, byte[] buffer, int offset, int count)
        {
            CheckPower();
            CheckRange("read", address, count);
            if (count == 0)
                return;
            _counters.CountRead(address, count);
            while (count > 0)
            {
                int sector = address / SectorSize;
                int inSector = address % SectorSize;
                int chunk = Min(count, SectorSize - inSector);
                _store.Read(sector, inSector, buffer, offset, chunk);
                address += chunk;
                offset += chunk;
                count -= chunk;
            }
        }

        public void Write(int address, byte[] buffer, int offset, int count)
        {
            CheckPower();
            CheckRange("write", address, count);
            if (count == 0)
                return;
            CheckOnlyClearsBits(address, buffer, offset, count);
            _counters.CountWrite(address, count);
            if (CutsNow())
            {
                if (_cutKind == PowerCutKind.Done)
                    Program(address, buffer, offset, count);
                else if (_cutKind == PowerCutKind.Torn)
                    Program(address, buffer, offset, _random.Below(count));
                PowerOff("write of " + count.ToString() + " bytes at 0x" + address.ToString("x"));
            }
            Program(address, buffer, offset, count);
        }

        public void EraseSector(int address)
        {
            CheckPower();
            CheckErase(address, SectorSize, "sector");
            _counters.CountErase(address, SectorSize, false);
            EraseRange(address, SectorSize);
        }

        public void EraseBlock(int address)
        {
            CheckPower();
            CheckErase(address, FlashGeometry.BlockSize, "block");
            _counters.CountErase(address, FlashGeometry.BlockSize, true);
            EraseRange(address, FlashGeometry.BlockSize);
        }

        private void EraseRange(int address, int size)
        {
            int first = address / SectorSize;
            int count = size / SectorSize;
            if (CutsNow())
            {
                if (_cutKind == PowerCutKind.Done)
                    EraseSectors(first, count);
                else if (_cutKind == PowerCutKind.Torn)
                {
                    // Sectors before the torn one are erased, those after it untouched.
                    int torn = _random.Below(count);
                    EraseSectors(first, torn);
                    TearSector(first + torn);
                }
                PowerOff("erase of 0x" + size.ToString("x") + " bytes at 0x" + address.ToString("x"));
            }
            EraseSectors(first, count);
        }

        private void EraseSectors(int first, int count)
        {
            for (int i = 0; i < count; i++)
                _store.Store(first + i, null);
        }

        /// <summary>An interrupted erase: the start of the sector erased, then garbage, the rest still old.</summary>
        private void TearSector(int sector)
        {
            byte[] data = LoadForChange(sector);
            int erasedEnd = _random.Below(SectorSize + 1);
            int garbageEnd = erasedEnd + _random.Below(SectorSize - erasedEnd + 1);
            Erased.Fill(data, 0, erasedEnd);
            _random.Fill(data, erasedEnd, garbageEnd - erasedEnd);
            _store.Store(sector, data);
        }

        /// <summary>Copies the bytes in; <see cref="CheckOnlyClearsBits"/> made sure that equals AND-ing them in.</summary>
        private void Program(int address, byte[] buffer, int offset, int count)
        {
            while (count > 0)
            {
                int sector = address / SectorSize;
                int inSector = address % SectorSize;
                int chunk = Min(count, SectorSize - inSector);
                byte[] data = LoadForChange(sector);
                Array.Copy(buffer, offset, data, inSector, chunk);
                _store.Store(sector, data);
                address += chunk;
                offset += chunk;
                count -= chunk;
            }
        }

        /// <summary>Throws before anything is written if any byte would need a 0 turned back into a 1.</summary>
        private void CheckOnlyClearsBits(int address, byte[] buffer, int offset, int count)
        {
            int position = address;
            int end = address + count;
            while (position < end)
            {
                int sector = position / SectorSize;
                int inSector = position % SectorSize;
                int chunk = Min(end - position, SectorSize - inSector);
                byte[] data = _store.Load(sector);
                if (data != null)
                {
                    int source = offset + (position - address);
                    for (int i = 0; i < chunk; i++)
                    {
                        int old = data[inSector + i];
                        int wanted = buffer[source + i];
                        if ((wanted & ~old) != 0)
                            throw new FlashException("write at 0x" + (position + i).ToString("x") + " would set bits without erase: flash holds 0x"
                                + old.ToString("x2") + ", write wants 0x" + wanted.ToString("x2") + " (write of " + count.ToString()
                                + " bytes at 0x" + address.ToString("x") + ")");
                    }
                }
                position += chunk;
            }
        }

        private byte[] LoadForChange(int sector)
        {
            byte[] data = _store.Load(sector);
            return data ?? Erased.NewBuffer(SectorSize);
        }

        private bool CutsNow()
        {
            if (_changesUntilCut == 0)
                return false;
            _changesUntilCut--;
            return _changesUntilCut == 0;
        }

        private void PowerOff(string operation)
        {
            _poweredOff = true;
            throw new PowerLossException("power cut during the " + operation + " (" + PowerCutKindNames.Name(_cutKind) + ")");
        }

        private void CheckPower()
        {
            if (_poweredOff)
                throw new PowerLossException("the flash has no power: call Reboot() after a power cut");
        }

        private void CheckRange(string what, int address, int count)
        {
            if (address < 0 || count < 0 || address > _size - count)
                throw new FlashException(what + " of " + count.ToString() + " bytes at 0x" + address.ToString("x")
                    + " is outside the flash (0x0-0x" + (_size - 1).ToString("x") + ")");
        }

        private void CheckErase(int address, int size, string unit)
        {
            if (address % size != 0)
                throw new FlashException(unit + " erase at 0x" + address.ToString("x") + " is not aligned to 0x" + size.ToString("x"));
            CheckRange(unit + " erase", address, size);
        }

        private static int Min(int a, int b) { return a < b ? a : b; }
    }
}

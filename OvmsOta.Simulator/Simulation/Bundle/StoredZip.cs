using System;
using OvmsOta.Flash;

namespace OvmsOta.Simulation
{
    /// <summary>
    /// A small ZIP writer (portable, in memory) for tests and demo bundles: entries stored (or deflated as stored blocks)
    /// with their local headers, then a central directory header and its
    /// end record (what the stream reader stops at). Knobs break one thing at a time (method, CRC, flags).
    /// </summary>
    public sealed class StoredZip
    {
        private byte[] _bytes = new byte[0];
        private int _entries;

        public void Add(string name, byte[] data)
        {
            Add(name, data, 0, 0, Crc32.Compute(data, 0, data.Length));
        }

        public void Add(string name, byte[] data, int method, int flags, uint crc)
        {
            Add(name, data, data.Length, method, flags, crc);
        }

        /// <summary>data deflated (as stored blocks of blockSize bytes: no compressor needed), method 8.</summary>
        public void AddDeflated(string name, byte[] data, int blockSize)
        {
            Add(name, StoredDeflate.Encode(data, blockSize), data.Length, 8, 0, Crc32.Compute(data, 0, data.Length));
        }

        /// <summary>An entry whose bytes in the archive are data, size bytes once decompressed.</summary>
        public void Add(string name, byte[] data, int size, int method, int flags, uint crc)
        {
            byte[] nameBytes = System.Text.Encoding.UTF8.GetBytes(name);
            byte[] header = new byte[30];
            LittleEndian.WriteUInt32(header, 0, 0x04034B50);
            LittleEndian.WriteUInt16(header, 4, 20);
            LittleEndian.WriteUInt16(header, 6, flags);
            LittleEndian.WriteUInt16(header, 8, method);
            LittleEndian.WriteUInt32(header, 14, crc);
            LittleEndian.WriteUInt32(header, 18, (uint)data.Length);
            LittleEndian.WriteUInt32(header, 22, (uint)size);
            LittleEndian.WriteUInt16(header, 26, nameBytes.Length);
            Append(header);
            Append(nameBytes);
            Append(data);
            _entries++;
        }

        /// <summary>The archive with a (minimal) central directory after the entries.</summary>
        public byte[] Bytes()
        {
            byte[] central = new byte[46 + 22];
            LittleEndian.WriteUInt32(central, 0, 0x02014B50);
            LittleEndian.WriteUInt32(central, 46, 0x06054B50);
            LittleEndian.WriteUInt16(central, 46 + 8, _entries);
            LittleEndian.WriteUInt16(central, 46 + 10, _entries);
            return Concat(_bytes, central);
        }

        /// <summary>The archive without its central directory (entries only).</summary>
        public byte[] EntriesOnly()
        {
            return Concat(_bytes, new byte[0]);
        }

        private void Append(byte[] more)
        {
            _bytes = Concat(_bytes, more);
        }

        private static byte[] Concat(byte[] a, byte[] b)
        {
            byte[] all = new byte[a.Length + b.Length];
            Array.Copy(a, 0, all, 0, a.Length);
            Array.Copy(b, 0, all, a.Length, b.Length);
            return all;
        }
    }
}

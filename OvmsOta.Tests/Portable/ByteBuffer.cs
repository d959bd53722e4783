using System;

namespace OvmsOta.Tests.Portable
{
    /// <summary>
    /// Bytes collected in one array that doubles as it fills (block copies, no per-byte work): what test helpers
    /// use to record what the code under test wrote, because nanoFramework's MemoryStream cannot grow past
    /// 65,535 bytes. Refuses to hold more than MaxLength, the largest allocation portable code makes on nanoCLR.
    /// </summary>
    public sealed class ByteBuffer
    {
        public const int MaxLength = NanoClrLimits.LargestAllocation;
        private const int InitialCapacity = 256;

        private byte[] _bytes = new byte[InitialCapacity];
        private int _length;

        public int Length
        {
            get { return _length; }
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            if (count > MaxLength - _length)
                throw new InvalidOperationException("a ByteBuffer holds at most " + MaxLength.ToString() + " bytes (nanoCLR's largest object is about 786 KB); "
                    + _length.ToString() + " held, " + count.ToString() + " more written: keep test data smaller or check it piece by piece");
            if (_length + count > _bytes.Length)
                Grow(_length + count);
            Array.Copy(buffer, offset, _bytes, _length, count);
            _length += count;
        }

        public void Write(byte[] bytes)
        {
            Write(bytes, 0, bytes.Length);
        }

        /// <summary>A copy of the bytes written so far.</summary>
        public byte[] ToArray()
        {
            byte[] copy = new byte[_length];
            Array.Copy(_bytes, copy, _length);
            return copy;
        }

        private void Grow(int needed)
        {
            int capacity = _bytes.Length;
            while (capacity < needed)
                capacity = capacity > MaxLength / 2 ? MaxLength : capacity * 2;
            byte[] larger = new byte[capacity];
            Array.Copy(_bytes, larger, _length);
            _bytes = larger;
        }
    }
}

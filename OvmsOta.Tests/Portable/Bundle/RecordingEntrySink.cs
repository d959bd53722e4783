using System;
using OvmsOta.Bundle;

namespace OvmsOta.Tests.Portable.Bundle
{
    /// <summary>Records what ZipStreamReader hands on: entry names in order, and the bytes of every entry joined.</summary>
    public sealed class RecordingEntrySink : IZipEntrySink
    {
        private byte[] _data = new byte[0];

        public string Names = string.Empty;
        public int Ended;

        public byte[] Data() { return _data; }

        public void BeginEntry(ZipEntry entry)
        {
            Names += (Names.Length > 0 ? "," : string.Empty) + entry.Name;
        }

        void IZipEntrySink.Data(byte[] buffer, int offset, int count)
        {
            byte[] all = new byte[_data.Length + count];
            Array.Copy(_data, 0, all, 0, _data.Length);
            Array.Copy(buffer, offset, all, _data.Length, count);
            _data = all;
        }

        public void EndEntry(ZipEntry entry)
        {
            Ended++;
        }
    }
}

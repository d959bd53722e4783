using System;
using System.Collections;
using System.IO;
using OvmsOta.Ports;

namespace OvmsOta.Tests.Portable.Shell
{
    /// <summary>Files held in memory by path.</summary>
    public sealed class MemoryFiles : IFileAccess
    {
        private readonly Hashtable _files = new Hashtable();
        public readonly ArrayList Unopenable = new ArrayList();
        /// <summary>Paths whose reads fail with an IOException after this many bytes (a card pulled mid-read).</summary>
        public readonly Hashtable FailAfter = new Hashtable();
        /// <summary>Renames fail (a write-protected card).</summary>
        public bool ReadOnly;

        public void Add(string path, byte[] data) { _files[path] = data; }

        public int Length(string path)
        {
            byte[] data = (byte[])_files[path];
            return data == null ? -1 : data.Length;
        }

        public bool Contains(string path) { return _files.Contains(path); }

        public bool Delete(string path)
        {
            if (ReadOnly || !_files.Contains(path))
                return false;
            _files.Remove(path);
            return true;
        }

        public bool Rename(string from, string to)
        {
            if (ReadOnly || !_files.Contains(from) || _files.Contains(to))
                return false;
            _files[to] = _files[from];
            _files.Remove(from);
            return true;
        }

        public Stream OpenRead(string path)
        {
            byte[] data = (byte[])_files[path];
            if (data == null || Unopenable.Contains(path))
                return null;
            if (FailAfter.Contains(path))
                return new FailingStream(data, (int)FailAfter[path]);
            return new MemoryStream(data);
        }

        private sealed class FailingStream : MemoryStream
        {
            private readonly int _failAt;

            public FailingStream(byte[] data, int failAt) : base(data)
            {
                _failAt = failAt;
            }

            public override int Read(byte[] buffer, int offset, int count)
            {
                if (Position >= _failAt)
                    throw new IOException("the card was removed");
                return base.Read(buffer, offset, count);
            }
        }
    }
}

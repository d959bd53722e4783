using System;
using System.Collections;
using System.IO;
using OvmsOta.Shell;

namespace OvmsOta.Tests.Portable.Shell
{
    /// <summary>Files held in memory by path.</summary>
    public sealed class MemoryFiles : IFileAccess
    {
        private readonly Hashtable _files = new Hashtable();
        public readonly ArrayList Unopenable = new ArrayList();

        public void Add(string path, byte[] data) { _files[path] = data; }

        public int Length(string path)
        {
            byte[] data = (byte[])_files[path];
            return data == null ? -1 : data.Length;
        }

        public Stream OpenRead(string path)
        {
            byte[] data = (byte[])_files[path];
            if (data == null || Unopenable.Contains(path))
                return null;
            return new MemoryStream(data);
        }
    }
}

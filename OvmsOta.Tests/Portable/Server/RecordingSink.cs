using System.IO;
using OvmsOta.UpdateServer;

namespace OvmsOta.Tests.Portable.Server
{
    /// <summary>Keeps what a download delivered and how it ended; can fail on a chosen write.</summary>
    public sealed class RecordingSink : IDownloadSink
    {
        readonly ByteBuffer _written = new ByteBuffer();

        public RecordingSink()
        {
            BegunWith = -1;
            FailOnWrite = -1;
        }

        public int BegunWith { get; private set; }
        public int Writes { get; private set; }
        public bool Completed { get; private set; }
        public string FailReason { get; private set; }

        /// <summary>The Write call (0-based) that throws, as a flash write error would (-1: none).</summary>
        public int FailOnWrite { get; set; }

        public byte[] Written
        {
            get { return _written.ToArray(); }
        }

        public void Begin(int expectedLength)
        {
            BegunWith = expectedLength;
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            if (Writes == FailOnWrite)
                throw new IOException("flash write failed at write " + Writes.ToString());
            Writes++;
            _written.Write(buffer, offset, count);
        }

        public void Complete()
        {
            Completed = true;
        }

        public void Fail(string reason)
        {
            FailReason = reason;
        }
    }
}

using System;
using OvmsOta.Push;

namespace OvmsOta.Tests.Portable.Push
{
    /// <summary>A push target that keeps what it is given, can be busy, and can fail a write on cue.</summary>
    public sealed class RecordingPushTarget : IPushTarget, IPushSession
    {
        readonly ByteBuffer _written = new ByteBuffer();

        public RecordingPushTarget(int capacity)
        {
            Capacity = capacity;
            BegunWith = -1;
            CommitTimeout = -1;
            FailWriteAt = -1;
        }

        public int Capacity { get; set; }
        public bool Busy { get; set; }
        /// <summary>Throw from Write once this many bytes were written (-1: never).</summary>
        public int FailWriteAt { get; set; }
        public int BegunWith { get; private set; }
        public int Writes { get; private set; }
        public bool Ended { get; private set; }
        public bool Aborted { get; private set; }
        public int CommitTimeout { get; private set; }
        public byte[] Written { get { return _written.ToArray(); } }

        public IPushSession Begin(int imageSize)
        {
            if (Busy)
                throw new PushException(PushStatus.Conflict, "Error: Flash operation already in progress - cannot flash again");
            BegunWith = imageSize;
            return this;
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            if (FailWriteAt >= 0 && _written.Length + count > FailWriteAt)
                throw new InvalidOperationException("ESP32 error #5379 when writing to flash - state is inconsistent");
            _written.Write(buffer, offset, count);
            Writes++;
        }

        public string End(int commitTimeoutSeconds)
        {
            Ended = true;
            CommitTimeout = commitTimeoutSeconds;
            return "ota_1";
        }

        public void Abort()
        {
            Aborted = true;
        }
    }
}

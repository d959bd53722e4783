using OvmsOta.UpdateServer;

namespace OvmsOta.Tests.Portable.Server
{
    /// <summary>
    /// A resumable sink in memory: keeps what it received at its offsets, can claim to hold a prefix already (as the
    /// install run does after a power cut), and counts opens and restarts.
    /// </summary>
    public sealed class ResumingSink : IResumableSink
    {
        byte[] _data = new byte[0];
        int _held;

        /// <summary>Bytes Open claims to hold for an image of this length (as if written before a cut).</summary>
        public byte[] Prefix { get; set; }

        public int Opens { get; private set; }
        public int Restarts { get; private set; }
        public bool Completed { get; private set; }
        public string FailReason { get; private set; }
        public int Held { get { return _held; } }
        public ImageIdentity Identity { get; private set; }
        public byte[] Head { get; private set; }

        public byte[] Data
        {
            get
            {
                byte[] copy = new byte[_held];
                System.Array.Copy(_data, copy, _held);
                return copy;
            }
        }

        public int Open(ImageIdentity identity, byte[] head, int headLength)
        {
            Opens++;
            Identity = identity;
            Head = head == null ? null : (byte[])head.Clone();
            _data = new byte[identity.Length];
            _held = 0;
            if (Prefix != null && headLength > 0 && Prefix.Length <= identity.Length)
            {
                System.Array.Copy(Prefix, _data, Prefix.Length);
                _held = Prefix.Length;
            }
            return _held;
        }

        public void Restart(string reason)
        {
            Restarts++;
            Prefix = null;
            _held = 0;
        }

        public void Begin(int expectedLength)
        {
            throw new System.InvalidOperationException("a resumable download opens, it does not begin");
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            System.Array.Copy(buffer, offset, _data, _held, count);
            _held += count;
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

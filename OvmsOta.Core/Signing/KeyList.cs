using System;

namespace OvmsOta.Signing
{
    /// <summary>
    /// Public-key digests as config holds them: 64 hex digits each, separated by commas or spaces ("1bc7...0aba,
    /// 77e0..."), at most <see cref="MaxKeys"/>. Trusted keys are a list so a key can be rotated; a revoked digest
    /// is listed the same way.
    /// </summary>
    public sealed class KeyList
    {
        /// <summary>Enough for a rotation (old, new) plus spares; the config store keeps one line per value.</summary>
        public const int MaxKeys = 4;

        private readonly byte[][] _digests;

        private KeyList(byte[][] digests)
        {
            _digests = digests;
        }

        private static readonly char[] Separators = { ',', ' ' };

        public static readonly KeyList Empty = new KeyList(new byte[0][]);

        public int Count { get { return _digests.Length; } }

        public byte[] At(int index) { return _digests[index]; }

        public bool Contains(byte[] digest)
        {
            foreach (byte[] d in _digests)
                if (Digests.Equal(d, 0, digest, 0))
                    return true;
            return false;
        }

        /// <summary>The list in text, or throws ArgumentException naming the item that is not a 64-hex-digit digest.</summary>
        public static KeyList Parse(string text)
        {
            if (text == null || text.Length == 0)
                return Empty;
            string[] items = text.Split(Separators);
            int count = 0;
            foreach (string item in items)
                if (item.Length > 0)
                    count++;
            if (count > MaxKeys)
                throw new ArgumentException("at most " + MaxKeys.ToString() + " key digests, found " + count.ToString());
            byte[][] digests = new byte[count][];
            int n = 0;
            foreach (string item in items)
            {
                if (item.Length == 0)
                    continue;
                byte[] digest = Digests.Parse(item);
                if (digest == null)
                    throw new ArgumentException("'" + item + "' is not a key digest (64 hex digits, as espsecure digest-sbv2-public-key writes)");
                digests[n++] = digest;
            }
            return new KeyList(digests);
        }
    }
}

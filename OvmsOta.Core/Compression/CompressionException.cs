using System;

namespace OvmsOta.Compression
{
    /// <summary>Compressed data that does not inflate to what it claims: corrupt deflate, a bad gzip header or trailer.</summary>
    public sealed class CompressionException : Exception
    {
        public CompressionException(string message) : base(message)
        {
        }
    }
}

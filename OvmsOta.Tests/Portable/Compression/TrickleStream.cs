using System;
using OvmsOta.Ports;

namespace OvmsOta.Tests.Portable.Compression
{
    /// <summary>Bytes handed out at most piece at a time, as a slow network gives them.</summary>
    public sealed class TrickleStream : ForwardStream
    {
        private readonly byte[] _data;
        private readonly int _piece;
        private int _position;

        public TrickleStream(byte[] data, int piece)
        {
            _data = data;
            _piece = piece;
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = _data.Length - _position;
            if (n > count)
                n = count;
            if (n > _piece)
                n = _piece;
            Array.Copy(_data, _position, buffer, offset, n);
            _position += n;
            return n;
        }
    }
}

using System;
using System.IO;
using OvmsOta.Flash;
using OvmsOta.Image;
using OvmsOta.Ports;

namespace OvmsOta.Compression
{
    /// <summary>
    /// A gzip member (RFC 1952) inflated as it is read: the header is parsed and its optional fields skipped, the deflate
    /// data goes through an <see cref="IDeflateDecoder"/>, and the trailer's CRC-32 and length are checked against the
    /// inflated bytes before the last of them is returned, so a corrupt copy fails before its end is written anywhere.
    /// Read returns 0 only after a good trailer; a source that ends early throws. One member is read: bytes after it are
    /// not looked at (<see cref="CompressedRead"/> stops at its end). Memory: one 512-byte input buffer and the decoder's
    /// window, whatever the size.
    /// </summary>
    public sealed class GzipReader : ForwardStream
    {
        public const int HeaderSize = 10;
        public const int TrailerSize = 8;

        private const int InputSize = 512;
        private const int FlagHeaderCrc = 0x02;
        private const int FlagExtra = 0x04;
        private const int FlagName = 0x08;
        private const int FlagComment = 0x10;
        private const int FlagsReserved = 0xE0;

        private const int StateHeader = 0;
        private const int StateBody = 1;
        private const int StateEnded = 2;

        private readonly Stream _source;
        private readonly IDeflateDecoder _decoder;
        private readonly byte[] _input = new byte[InputSize];
        private int _inStart;
        private int _inEnd;
        private bool _sourceEnded;
        private long _compressed;
        private int _state = StateHeader;
        private uint _crc = Crc32.StandardInit;
        private uint _inflated;

        /// <summary>Reads the member from source (which it does not dispose) through decoder, reset here.</summary>
        public GzipReader(Stream source, IDeflateDecoder decoder)
        {
            if (source == null)
                throw new ArgumentNullException("source");
            if (decoder == null)
                throw new ArgumentNullException("decoder");
            _source = source;
            _decoder = decoder;
            _decoder.Reset();
        }

        /// <summary>Compressed bytes taken from the source so far (header, deflate data, trailer).</summary>
        public long CompressedRead { get { return _compressed - (_inEnd - _inStart); } }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (buffer == null)
                throw new ArgumentNullException("buffer");
            if (offset < 0 || count < 0 || count > buffer.Length - offset)
                throw new ArgumentOutOfRangeException("count");
            if (_state == StateHeader)
            {
                ReadHeader();
                _state = StateBody;
            }
            while (_state == StateBody && count > 0)
            {
                if (_inStart == _inEnd)
                    Refill();
                int consumed;
                int produced;
                DeflateStatus status = _decoder.Decode(_input, _inStart, _inEnd - _inStart, buffer, offset, count,
                    out consumed, out produced);
                _inStart += consumed;
                _crc = Crc32.Update(_crc, buffer, offset, produced);
                _inflated += (uint)produced;
                if (status == DeflateStatus.Corrupt)
                    throw new CompressionException("The gzip data is corrupt: deflate error at compressed byte "
                        + CompressedRead.ToString());
                if (status == DeflateStatus.Done)
                {
                    _state = StateEnded;
                    _decoder.Release();
                    CheckTrailer();
                }
                if (produced > 0)
                    return produced;
                if (status == DeflateStatus.NeedsInput && _sourceEnded)
                    throw Truncated("inside its deflate data");
            }
            return 0;
        }

        private void ReadHeader()
        {
            if (NextByte("header") != 0x1F || NextByte("header") != 0x8B)
                throw new CompressionException("Not gzip data: it does not start with 1F 8B");
            int method = NextByte("header");
            if (method != 8)
                throw new CompressionException("The gzip data uses compression method " + method.ToString() + "; only deflate (8) exists");
            int flags = NextByte("header");
            if ((flags & FlagsReserved) != 0)
                throw new CompressionException("The gzip header sets reserved flags (" + Hex.Format((uint)flags) + ")");
            Skip(6);    // modification time, extra flags, operating system
            if ((flags & FlagExtra) != 0)
                Skip(NextByte("header") | (NextByte("header") << 8));
            if ((flags & FlagName) != 0)
                SkipText();
            if ((flags & FlagComment) != 0)
                SkipText();
            if ((flags & FlagHeaderCrc) != 0)
                Skip(2);    // RFC 1952 lets a reader skip it; the trailer's CRC-32 covers the data
        }

        private void CheckTrailer()
        {
            uint crc = NextUInt32();
            uint length = NextUInt32();
            if (crc != ~_crc)
                throw new CompressionException("The gzip data is corrupt: it inflates to CRC-32 " + Hex.Format(~_crc)
                    + ", its trailer says " + Hex.Format(crc));
            if (length != _inflated)
                throw new CompressionException("The gzip data is corrupt: it inflates to " + _inflated.ToString()
                    + " bytes, its trailer says " + length.ToString());
        }

        private uint NextUInt32()
        {
            uint value = 0;
            for (int shift = 0; shift < 32; shift += 8)
                value |= (uint)NextByte("trailer") << shift;
            return value;
        }

        private void SkipText()
        {
            while (NextByte("header") != 0)
            {
            }
        }

        private void Skip(int count)
        {
            for (int i = 0; i < count; i++)
                NextByte("header");
        }

        private int NextByte(string part)
        {
            if (_inStart == _inEnd)
            {
                Refill();
                if (_inStart == _inEnd)
                    throw Truncated("inside its " + part);
            }
            return _input[_inStart++];
        }

        private void Refill()
        {
            _inStart = 0;
            _inEnd = 0;
            if (_sourceEnded)
                return;
            int n = _source.Read(_input, 0, InputSize);
            if (n <= 0)
                _sourceEnded = true;
            else
                _inEnd = n;
            _compressed += n > 0 ? n : 0;
        }

        private CompressionException Truncated(string where)
        {
            return new CompressionException("The gzip data is truncated: it ends after " + _compressed.ToString()
                + " bytes, " + where);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                _decoder.Release();
            base.Dispose(disposing);
        }
    }
}

using System.IO;
using System.Text;

namespace OvmsOta.Firmware.Http
{
    /// <summary>
    /// A `Transfer-Encoding: chunked` body (RFC 9112 7.1) decoded as it streams: hex size lines (extensions after ';'
    /// ignored), the data, its CR LF, a 0 size, trailer lines (read and dropped) and the empty line that ends the body.
    /// Framing lines are read a byte at a time, so nothing past the final CR LF is ever taken from the connection. A 0
    /// from the network stream is "no data yet" and is passed on, keeping the decoder's place. Malformed framing throws
    /// an <see cref="IOException"/> starting "chunked body: ", which the engine reports as the download's failure.
    /// </summary>
    public sealed class ChunkedBody : ResponseBody
    {
        /// <summary>Longest size or trailer line accepted (extensions included).</summary>
        public const int MaxLineBytes = 256;
        /// <summary>Most trailer bytes accepted after the last chunk.</summary>
        public const int MaxTrailerBytes = 4096;
        // Seven hex digits: up to 256 MB a chunk, far above a 16 MB flash; an eighth could overflow an int.
        private const int MaxSizeDigits = 7;

        private const int SizeLine = 0;
        private const int Data = 1;
        private const int DataEnd = 2;
        private const int Trailer = 3;
        private const int Done = 4;

        private readonly byte[] _line = new byte[MaxLineBytes];
        private readonly byte[] _one = new byte[1];
        private int _lineLength;
        private int _state = SizeLine;
        private int _chunkLeft;
        private int _chunkSize;
        private int _trailerBytes;
        private int _crLfSeen;

        public ChunkedBody(Stream inner) : base(inner)
        {
        }

        public override bool Ended { get { return _state == Done; } }

        public override int Read(byte[] buffer, int offset, int count)
        {
            while (_state != Data)
            {
                if (_state == Done)
                    return 0;
                if (_state == DataEnd)
                {
                    if (!DataEndRead())
                        return 0;
                    continue;
                }
                string line = NextLine();
                if (line == null)
                    return 0; // no data yet (or the connection ended: the engine's checks report a cut body)
                Framing(line);
            }
            if (count > _chunkLeft)
                count = _chunkLeft;
            int n = Inner.Read(buffer, offset, count);
            if (n <= 0)
                return 0;
            _chunkLeft -= n;
            if (_chunkLeft == 0)
                _state = DataEnd;
            return n;
        }

        /// <summary>Acts on one complete framing line in the current state.</summary>
        private void Framing(string line)
        {
            if (_state == SizeLine)
            {
                _chunkSize = ParseSize(line);
                _chunkLeft = _chunkSize;
                _state = _chunkSize == 0 ? Trailer : Data;
            }
            else if (line.Length == 0)
                _state = Done;
            else
            {
                _trailerBytes += line.Length + 2;
                if (_trailerBytes > MaxTrailerBytes)
                    throw Malformed("trailer fields longer than " + MaxTrailerBytes.ToString() + " bytes");
            }
        }

        /// <summary>Takes the CR LF after a chunk's data byte by byte; true once both arrived.</summary>
        private bool DataEndRead()
        {
            while (_crLfSeen < 2)
            {
                if (Inner.Read(_one, 0, 1) <= 0)
                    return false;
                if (_one[0] != (_crLfSeen == 0 ? (byte)'\r' : (byte)'\n'))
                    throw Malformed("chunk of " + _chunkSize.ToString() + " bytes is not followed by CR LF");
                _crLfSeen++;
            }
            _crLfSeen = 0;
            _state = SizeLine;
            return true;
        }

        /// <summary>The next line without its LF (and CR), once it is complete; null while its bytes have not all arrived.</summary>
        private string NextLine()
        {
            while (true)
            {
                int n = Inner.Read(_one, 0, 1);
                if (n <= 0)
                    return null;
                byte b = _one[0];
                if (b == (byte)'\n')
                {
                    int length = _lineLength;
                    if (length > 0 && _line[length - 1] == (byte)'\r')
                        length--;
                    _lineLength = 0;
                    return new string(Encoding.UTF8.GetChars(_line, 0, length));
                }
                if (_lineLength == _line.Length)
                    throw Malformed("line longer than " + MaxLineBytes.ToString() + " bytes");
                _line[_lineLength++] = b;
            }
        }

        /// <summary>The hex size before any extension (';') and the whitespace allowed before it.</summary>
        private static int ParseSize(string line)
        {
            int end = 0;
            while (end < line.Length && IsHex(line[end]))
                end++;
            string digits = line.Substring(0, end);
            int rest = end;
            while (rest < line.Length && (line[rest] == ' ' || line[rest] == '\t'))
                rest++;
            if (end == 0 || (rest < line.Length && line[rest] != ';'))
                throw Malformed("chunk size \"" + Printable(line) + "\" is not hexadecimal");
            if (end > MaxSizeDigits)
                throw Malformed("chunk size \"" + Printable(digits) + "\" is larger than " + MaxSizeDigits.ToString() + " hex digits");
            int size = 0;
            for (int i = 0; i < end; i++)
                size = size * 16 + HexValue(line[i]);
            return size;
        }

        private static bool IsHex(char c)
        {
            return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        }

        private static int HexValue(char c)
        {
            if (c <= '9')
                return c - '0';
            return (c | 0x20) - 'a' + 10;
        }

        /// <summary>At most 32 characters of a line for a message, control characters as '?'.</summary>
        private static string Printable(string text)
        {
            int length = text.Length > 32 ? 32 : text.Length;
            char[] chars = new char[length];
            for (int i = 0; i < length; i++)
                chars[i] = text[i] < ' ' || text[i] == (char)127 ? '?' : text[i];
            return new string(chars);
        }

        private static IOException Malformed(string what)
        {
            return new IOException("chunked body: " + what);
        }
    }
}

using System.IO;
using System.Text;

namespace OvmsOta.Firmware.Servers
{
    /// <summary>
    /// Text lines from a byte stream with a bounded line buffer: LF, CR or CR LF end a line; other control bytes are
    /// dropped; a line longer than the buffer is read to its end and reported as overflowed, never grown. UTF-8.
    /// </summary>
    public sealed class LineReader
    {
        private const int ChunkSize = 64;
        private const byte Cr = 13;
        private const byte Lf = 10;
        private const byte Tab = 9;

        private readonly Stream _stream;
        private readonly byte[] _chunk = new byte[ChunkSize];
        private readonly byte[] _line;
        private int _chunkCount;
        private int _chunkPosition;
        private bool _skipLf;
        private bool _overflowed;

        public LineReader(Stream stream, int maxLineBytes)
        {
            _stream = stream;
            _line = new byte[maxLineBytes];
        }

        /// <summary>True when the last line returned was longer than the buffer (its text is then the cut start).</summary>
        public bool Overflowed { get { return _overflowed; } }

        /// <summary>The next line without its end, or null when the stream ended (a last line without an end is dropped).</summary>
        public string ReadLine()
        {
            int length = 0;
            _overflowed = false;
            while (true)
            {
                if (_chunkPosition == _chunkCount)
                {
                    _chunkCount = _stream.Read(_chunk, 0, ChunkSize);
                    _chunkPosition = 0;
                    if (_chunkCount <= 0)
                    {
                        _chunkCount = 0;
                        return null;
                    }
                }
                byte b = _chunk[_chunkPosition++];
                if (_skipLf)
                {
                    _skipLf = false;
                    if (b == Lf)
                        continue;
                }
                if (b == Cr || b == Lf)
                {
                    _skipLf = b == Cr;
                    return new string(Encoding.UTF8.GetChars(_line, 0, length));
                }
                if (b < 0x20 && b != Tab)
                    continue;
                if (length < _line.Length)
                    _line[length++] = b;
                else
                    _overflowed = true;
            }
        }
    }
}

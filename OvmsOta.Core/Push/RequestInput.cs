using System;
using System.IO;
using System.Text;

namespace OvmsOta.Push
{
    /// <summary>
    /// The connection's input through one fixed buffer: the request head is read line by line from it,
    /// and whatever body bytes arrived with the head stay in it for the multipart reader. Once the body
    /// length is known, reads from the stream stop at the body's end (Content-Length), so a client that
    /// sends more cannot make the endpoint read past it.
    /// </summary>
    public sealed class RequestInput
    {
        readonly Stream _stream;
        readonly byte[] _data;
        int _start;
        int _end;
        int _unread = -1;

        public RequestInput(Stream stream, byte[] buffer)
        {
            if (stream == null)
                throw new ArgumentNullException("stream");
            if (buffer == null || buffer.Length < 512)
                throw new ArgumentException("the request buffer needs at least 512 bytes", "buffer");
            _stream = stream;
            _data = buffer;
        }

        /// <summary>The buffer; bytes [Start, End) are read and not yet consumed.</summary>
        public byte[] Data { get { return _data; } }

        public int Start { get { return _start; } }

        public int End { get { return _end; } }

        public int Available { get { return _end - _start; } }

        /// <summary>Body bytes not yet consumed: buffered plus still in the stream (after <see cref="LimitBody"/>).</summary>
        public int BodyRemaining { get { return _end - _start + (_unread < 0 ? 0 : _unread); } }

        /// <summary>Marks count bytes at Start as consumed.</summary>
        public void Consume(int count)
        {
            if (count < 0 || count > _end - _start)
                throw new ArgumentOutOfRangeException("count");
            _start += count;
        }

        /// <summary>From now on the input is the body of bodyLength bytes, counted from Start.</summary>
        public void LimitBody(int bodyLength)
        {
            if (Available > bodyLength)
                _end = _start + bodyLength;
            _unread = bodyLength - Available;
        }

        /// <summary>
        /// Reads more bytes after End, first moving the unconsumed ones to the buffer's start if there is no
        /// room. Returns how many arrived: 0 at the end of the input (or of the body once limited).
        /// </summary>
        public int Fill()
        {
            if (_end == _data.Length && _start > 0)
            {
                Array.Copy(_data, _start, _data, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            int room = _data.Length - _end;
            if (room == 0)
                throw new InvalidOperationException("the request buffer is full; consume before filling");
            if (_unread >= 0 && room > _unread)
                room = _unread;
            if (room == 0)
                return 0;
            int read = _stream.Read(_data, _end, room);
            if (read <= 0)
                return 0;
            _end += read;
            if (_unread >= 0)
                _unread -= read;
            return read;
        }

        /// <summary>
        /// The next line without its CR LF (or LF), as text; null at the end of the input. A line longer
        /// than maxLength (or the buffer) throws a <see cref="PushException"/> with tooLongStatus.
        /// </summary>
        public string ReadLine(int maxLength, int tooLongStatus, string what)
        {
            // A line must fit the buffer with room for its line end.
            if (maxLength > _data.Length - 2)
                maxLength = _data.Length - 2;
            int searched = _start;
            while (true)
            {
                int lf = _end > searched ? Array.IndexOf(_data, LineFeed, searched, _end - searched) : -1;
                if (lf >= 0)
                {
                    int length = lf - _start;
                    if (length > 0 && _data[lf - 1] == (byte)'\r')
                        length--;
                    if (length > maxLength)
                        throw TooLong(maxLength, tooLongStatus, what);
                    string line = Encoding.UTF8.GetString(_data, _start, length);
                    _start = lf + 1;
                    return line;
                }
                if (_end - _start > maxLength)
                    throw TooLong(maxLength, tooLongStatus, what);
                searched = _end - _start;
                if (Fill() == 0)
                    return null;
                // Fill may have moved the unconsumed bytes to the buffer's start.
                searched = _start + searched;
            }
        }

        static PushException TooLong(int maxLength, int status, string what)
        {
            return new PushException(status, what + " is longer than " + maxLength.ToString() + " bytes");
        }

        static readonly object LineFeed = (byte)'\n';
    }
}

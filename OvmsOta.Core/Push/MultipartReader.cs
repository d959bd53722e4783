using System;
using System.Text;

namespace OvmsOta.Push
{
    /// <summary>
    /// Reads a multipart/form-data body (RFC 7578) part by part as it streams in, through the request's one
    /// fixed buffer: nothing grows with the body. A part's data is handed out as views into that buffer up to
    /// the next "CRLF--boundary"; bytes that might be the start of a delimiter cut by a read's edge are held
    /// back until the next read decides. Use: NextPart() (false after the closing delimiter), then ReadPart
    /// until it returns 0, then NextPart again.
    /// </summary>
    public sealed class MultipartReader
    {
        public const int MaxBoundaryLength = 70;
        const int MaxPartHeaderLength = 1024;
        const int MaxPartHeaders = 16;

        static readonly object CarriageReturn = (byte)'\r';

        readonly RequestInput _input;
        // "\r\n--" + boundary: what ends every part.
        readonly byte[] _delimiter;
        bool _inPart;
        bool _finished;
        bool _started;

        /// <summary>The body must start at input.Start, and input must be limited to it (LimitBody).</summary>
        public MultipartReader(RequestInput input, string boundary)
        {
            if (input == null)
                throw new ArgumentNullException("input");
            if (boundary == null || boundary.Length == 0 || boundary.Length > MaxBoundaryLength)
                throw new PushException(PushStatus.BadRequest, "Error: the multipart boundary must have 1 to " + MaxBoundaryLength.ToString() + " characters");
            _input = input;
            _delimiter = Encoding.UTF8.GetBytes("\r\n--" + boundary);
        }

        /// <summary>The buffer ReadPart's views point into.</summary>
        public byte[] Buffer { get { return _input.Data; } }

        /// <summary>Bytes of "CRLF--boundary--" that close the body after the last part.</summary>
        public int ClosingLength { get { return _delimiter.Length + 2; } }

        /// <summary>The current part's form field name (Content-Disposition name), or null.</summary>
        public string PartName { get; private set; }

        /// <summary>The current part's file name, or null for a plain field.</summary>
        public string PartFileName { get; private set; }

        /// <summary>The current part's own Content-Length header, or -1 (browsers and curl send none).</summary>
        public int PartLength { get; private set; }

        /// <summary>Skips what is left of the current part (or the preamble) and reads the next part's headers; false at the end.</summary>
        public bool NextPart()
        {
            if (_finished)
                return false;
            if (!_started)
                SkipPreamble();
            while (_inPart)
            {
                int offset;
                ReadPart(out offset);
            }
            if (!AfterDelimiter())
            {
                _finished = true;
                return false;
            }
            ReadPartHeaders();
            _inPart = true;
            return true;
        }

        /// <summary>
        /// The next bytes of the current part, as a view into the input's buffer at offset; valid until the next
        /// call. 0 at the part's end. Throws a 400 <see cref="PushException"/> when the body ends inside the part.
        /// </summary>
        public int ReadPart(out int offset)
        {
            offset = _input.Start;
            if (!_inPart)
                return 0;
            while (true)
            {
                int safeEnd;
                int delimiter = Scan(out safeEnd);
                if (safeEnd > _input.Start)
                {
                    offset = _input.Start;
                    int count = safeEnd - _input.Start;
                    _input.Consume(count);
                    return count;
                }
                if (delimiter == _input.Start)
                {
                    _input.Consume(_delimiter.Length);
                    _inPart = false;
                    return 0;
                }
                if (_input.Fill() == 0)
                    throw new PushException(PushStatus.BadRequest, "Error: the body ended inside part '" + PartName + "' (no closing boundary)");
            }
        }

        /// <summary>
        /// Finds the first whole delimiter in the buffered bytes (its index, or -1); safeEnd is where data that
        /// certainly belongs to the part ends: the delimiter, a possible delimiter cut by the buffer's end, or End.
        /// </summary>
        int Scan(out int safeEnd)
        {
            byte[] data = _input.Data;
            int end = _input.End;
            int from = _input.Start;
            while (from < end)
            {
                int candidate = Array.IndexOf(data, CarriageReturn, from, end - from);
                if (candidate < 0)
                    break;
                int have = end - candidate;
                if (have < _delimiter.Length)
                {
                    if (Matches(data, candidate, have))
                    {
                        safeEnd = candidate;
                        return -1;
                    }
                }
                else if (Matches(data, candidate, _delimiter.Length))
                {
                    safeEnd = candidate;
                    return candidate;
                }
                from = candidate + 1;
            }
            safeEnd = end;
            return -1;
        }

        bool Matches(byte[] data, int at, int count)
        {
            for (int i = 0; i < count; i++)
            {
                if (data[at + i] != _delimiter[i])
                    return false;
            }
            return true;
        }

        /// <summary>
        /// The body's first delimiter may come without the CRLF before it; the preamble before it is skipped.
        /// Reads as the data of a nameless part, so one scanner serves both.
        /// </summary>
        void SkipPreamble()
        {
            _started = true;
            EnsureAvailable(_delimiter.Length - 2);
            if (_input.Available >= _delimiter.Length - 2 && StartsWithDashBoundary())
            {
                _input.Consume(_delimiter.Length - 2);
                return;
            }
            _inPart = true;
            PartName = "(preamble)";
            while (_inPart)
            {
                int offset;
                ReadPart(out offset);
            }
        }

        bool StartsWithDashBoundary()
        {
            byte[] data = _input.Data;
            int start = _input.Start;
            for (int i = 2; i < _delimiter.Length; i++)
            {
                if (data[start + i - 2] != _delimiter[i])
                    return false;
            }
            return true;
        }

        /// <summary>After a delimiter: "--" closes the body, CRLF starts a part (transport padding before it is allowed).</summary>
        bool AfterDelimiter()
        {
            while (true)
            {
                EnsureAvailable(2);
                if (_input.Available < 2)
                    throw new PushException(PushStatus.BadRequest, "Error: the body ended right after a boundary");
                byte first = _input.Data[_input.Start];
                byte second = _input.Data[_input.Start + 1];
                if (first == (byte)'-' && second == (byte)'-')
                {
                    _input.Consume(2);
                    return false;
                }
                if (first == (byte)'\r' && second == (byte)'\n')
                {
                    _input.Consume(2);
                    return true;
                }
                if (first != (byte)' ' && first != (byte)'\t')
                    throw new PushException(PushStatus.BadRequest, "Error: malformed multipart body (a boundary is followed by neither CRLF nor --)");
                _input.Consume(1);
            }
        }

        void ReadPartHeaders()
        {
            PartName = null;
            PartFileName = null;
            PartLength = -1;
            for (int count = 0; ; count++)
            {
                string line = _input.ReadLine(MaxPartHeaderLength, PushStatus.BadRequest, "A part header line");
                if (line == null)
                    throw new PushException(PushStatus.BadRequest, "Error: the body ended inside a part's headers");
                if (line.Length == 0)
                    return;
                if (count == MaxPartHeaders)
                    throw new PushException(PushStatus.BadRequest, "Error: more than " + MaxPartHeaders.ToString() + " headers in one part");
                int colon = line.IndexOf(':');
                if (colon <= 0)
                    throw new PushException(PushStatus.BadRequest, "Error: malformed part header (no name: value)");
                string name = line.Substring(0, colon).Trim().ToLower();
                string value = line.Substring(colon + 1).Trim();
                if (name == "content-disposition")
                {
                    PartName = HeaderParameter.Find(value, "name");
                    PartFileName = HeaderParameter.Find(value, "filename");
                }
                else if (name == "content-length")
                {
                    int length;
                    PartLength = int.TryParse(value, out length) && length >= 0 ? length : -1;
                }
            }
        }

        void EnsureAvailable(int count)
        {
            while (_input.Available < count)
            {
                if (_input.Fill() == 0)
                    return;
            }
        }
    }
}

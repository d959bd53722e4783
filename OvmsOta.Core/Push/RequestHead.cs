using System;

namespace OvmsOta.Push
{
    /// <summary>
    /// The request line and the headers the push endpoint acts on, read from a <see cref="RequestInput"/>.
    /// Other headers are read and ignored. Head size is bounded: lines of at most <see cref="MaxLineLength"/>
    /// bytes, at most <see cref="MaxHeaderCount"/> of them.
    /// </summary>
    public sealed class RequestHead
    {
        public const int MaxLineLength = 1024;
        public const int MaxHeaderCount = 64;

        RequestHead()
        {
            ContentLength = -1;
        }

        public string Method { get; private set; }
        /// <summary>The path without the query, e.g. "/update".</summary>
        public string Path { get; private set; }
        /// <summary>The text after '?', or "" when none.</summary>
        public string Query { get; private set; }
        /// <summary>-1 when the request has no Content-Length.</summary>
        public int ContentLength { get; private set; }
        public string ContentType { get; private set; }
        public string Authorization { get; private set; }
        public string TransferEncoding { get; private set; }
        /// <summary>True when the client waits for "100 Continue" before sending the body (curl does for large files).</summary>
        public bool ExpectsContinue { get; private set; }

        /// <summary>Reads the head up to its blank line; throws <see cref="PushException"/> (400, 431) on a malformed one.</summary>
        public static RequestHead Read(RequestInput input)
        {
            string requestLine = input.ReadLine(MaxLineLength, PushStatus.HeaderTooLarge, "The request line");
            if (requestLine == null || requestLine.Length == 0)
                throw new PushException(PushStatus.BadRequest, "Error: no HTTP request line received");
            RequestHead head = new RequestHead();
            head.ParseRequestLine(requestLine);
            for (int count = 0; ; count++)
            {
                string line = input.ReadLine(MaxLineLength, PushStatus.HeaderTooLarge, "A header line");
                if (line == null)
                    throw new PushException(PushStatus.BadRequest, "Error: the connection ended inside the request headers");
                if (line.Length == 0)
                    return head;
                if (count == MaxHeaderCount)
                    throw new PushException(PushStatus.HeaderTooLarge, "Error: more than " + MaxHeaderCount.ToString() + " request headers");
                head.ParseHeader(line);
            }
        }

        /// <summary>The value of name=value in the query, or null.</summary>
        public string QueryValue(string name)
        {
            string[] pairs = Query.Split(new char[] { '&' });
            for (int i = 0; i < pairs.Length; i++)
            {
                int equals = pairs[i].IndexOf('=');
                if (equals > 0 && pairs[i].Substring(0, equals) == name)
                    return pairs[i].Substring(equals + 1);
            }
            return null;
        }

        void ParseRequestLine(string line)
        {
            string[] parts = line.Split(new char[] { ' ' });
            if (parts.Length != 3 || !parts[2].StartsWith("HTTP/1."))
                throw new PushException(PushStatus.BadRequest, "Error: malformed request line (expected METHOD PATH HTTP/1.x)");
            Method = parts[0];
            int question = parts[1].IndexOf('?');
            Path = question < 0 ? parts[1] : parts[1].Substring(0, question);
            Query = question < 0 ? "" : parts[1].Substring(question + 1);
        }

        void ParseHeader(string line)
        {
            int colon = line.IndexOf(':');
            if (colon <= 0)
                throw new PushException(PushStatus.BadRequest, "Error: malformed header line (no name: value)");
            string name = line.Substring(0, colon).Trim().ToLower();
            string value = line.Substring(colon + 1).Trim();
            if (name == "content-length")
                ContentLength = ParseLength(value);
            else if (name == "content-type")
                ContentType = value;
            else if (name == "authorization")
                Authorization = value;
            else if (name == "transfer-encoding")
                TransferEncoding = value;
            else if (name == "expect")
                ExpectsContinue = value.ToLower() == "100-continue";
        }

        static int ParseLength(string value)
        {
            int length;
            if (value.Length == 0)
                throw new PushException(PushStatus.BadRequest, "Error: empty Content-Length");
            // Digits only: int.TryParse would also take signs and spaces.
            for (int i = 0; i < value.Length; i++)
            {
                if (value[i] < '0' || value[i] > '9')
                    throw new PushException(PushStatus.BadRequest, "Error: Content-Length \"" + value + "\" is not a number of bytes");
            }
            if (value.Length > 9 || !int.TryParse(value, out length))
                throw new PushException(PushStatus.PayloadTooLarge, "Error: Content-Length " + value + " is too large");
            return length;
        }
    }
}

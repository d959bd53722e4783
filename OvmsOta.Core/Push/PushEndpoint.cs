using System;
using System.IO;
using System.Text;

using OvmsOta.Flash;
using OvmsOta.Ports;

namespace OvmsOta.Push
{
    /// <summary>
    /// The module's HTTP push endpoint, as Mongoose OS's ota-http-server: `POST /update` with a
    /// multipart/form-data body holding the image in a part named `file` and optionally a `commit_timeout`
    /// field (seconds). It works over any Stream (one connection, one request, then the caller closes it),
    /// so the device serves it from a socket and the simulator from a loopback listener.
    ///
    /// Refusals, all before a byte reaches flash: no secret configured (push disabled) 403; missing or wrong
    /// `Authorization: Bearer &lt;secret&gt;` 401 (compared in constant time); not POST 405; other path 404;
    /// no Content-Length (e.g. chunked) 411; a body larger than the target slot plus
    /// <see cref="MaxFormOverhead"/> 413; not multipart/form-data 400; flash lock busy 409.
    /// A failure while streaming aborts the update (nothing is activated): 400 for a malformed body, 500 for
    /// a rejected image or a flash error. Success is 200 with OVMS's three lines.
    ///
    /// The file part's exact size is needed before its first byte (the updater erases ahead and checks the
    /// total): it is the `size` query parameter (as OVMS's own web upload sends), else the part's own
    /// Content-Length, else the rest of the body less the closing boundary and CRLF, which holds when the file
    /// is the last part (send commit_timeout first, or give ?size=N).
    /// </summary>
    public sealed class PushEndpoint
    {
        public const string UpdatePath = "/update";
        public const string FilePart = "file";
        public const string CommitTimeoutPart = "commit_timeout";
        /// <summary>Bytes of multipart framing (boundaries, part headers, small fields) allowed on top of the slot size.</summary>
        public const int MaxFormOverhead = 16 * 1024;
        public const int DefaultBufferSize = 4096;
        const int MaxFieldLength = 16;
        const string BearerPrefix = "Bearer ";

        readonly IPushTarget _target;
        readonly string _secret;
        readonly byte[] _buffer;

        /// <summary>secret: the shared secret; null or empty disables pushing (every request gets 403).</summary>
        public PushEndpoint(IPushTarget target, string secret)
            : this(target, secret, new byte[DefaultBufferSize])
        {
        }

        /// <summary>buffer: the one buffer for head and body (at least 512 bytes; the device passes its own).</summary>
        public PushEndpoint(IPushTarget target, string secret, byte[] buffer)
        {
            if (target == null)
                throw new ArgumentNullException("target");
            _target = target;
            _secret = secret;
            _buffer = buffer;
        }

        /// <summary>The header a client must send: `Authorization: Bearer &lt;secret&gt;`.</summary>
        public static string AuthorizationValue(string secret)
        {
            return BearerPrefix + secret;
        }

        /// <summary>Serves one request read from connection and writes the response to it; returns the status sent.</summary>
        public int Handle(Stream connection)
        {
            if (connection == null)
                throw new ArgumentNullException("connection");
            return Handle(connection, new RequestInput(connection, _buffer), null);
        }

        /// <summary>
        /// The same, for a request whose head a router sharing the port has read already (input over this endpoint's
        /// buffer); head null: read it here.
        /// </summary>
        public int Handle(Stream connection, RequestInput input, RequestHead head)
        {
            int status;
            string text;
            try
            {
                text = Serve(input, connection, head);
                status = PushStatus.Ok;
            }
            catch (PushException e)
            {
                status = e.Status;
                text = e.Message;
            }
            catch (IOException e)
            {
                // The connection failed (timeout, reset); an answer may still get through.
                status = PushStatus.BadRequest;
                text = "Error: upload aborted (" + e.Message + ")";
            }
            WriteResponse(connection, status, text);
            return status;
        }

        string Serve(RequestInput input, Stream connection, RequestHead head)
        {
            if (head == null)
                head = RequestHead.Read(input);
            if (head.Path != UpdatePath)
                throw new PushException(PushStatus.NotFound, "Error: not found (the push endpoint is POST " + UpdatePath + ")");
            if (head.Method != "POST")
                throw new PushException(PushStatus.MethodNotAllowed, "Error: " + UpdatePath + " takes POST only");
            if (_secret == null || _secret.Length == 0)
                throw new PushException(PushStatus.Forbidden, "Error: push updates are disabled on this module (no push secret configured)");
            if (head.Authorization == null || !head.Authorization.StartsWith(BearerPrefix)
                || !SecretComparer.Matches(_secret, head.Authorization.Substring(BearerPrefix.Length)))
                throw new PushException(PushStatus.Unauthorized, "Error: Unauthorized (send the push secret as \"Authorization: Bearer <secret>\")");
            if (head.ContentLength < 0)
                throw new PushException(PushStatus.LengthRequired, "Error: Content-Length required (chunked uploads are not accepted)");
            int capacity = _target.Capacity;
            if (head.ContentLength > capacity + MaxFormOverhead)
                throw new PushException(PushStatus.PayloadTooLarge, "Error: upload of " + head.ContentLength.ToString()
                    + " bytes is larger than the target partition (" + capacity.ToString() + " bytes capacity)");
            if (HeaderParameter.MediaType(head.ContentType) != "multipart/form-data")
                throw new PushException(PushStatus.BadRequest, "Error: expected a multipart/form-data body with a '" + FilePart + "' part");
            string boundary = HeaderParameter.Find(head.ContentType, "boundary");
            int announcedSize = ParseSize(head.QueryValue("size"));

            if (head.ExpectsContinue)
                WriteText(connection, "HTTP/1.1 100 Continue\r\n\r\n");
            input.LimitBody(head.ContentLength);
            MultipartReader form = new MultipartReader(input, boundary);
            return ReadForm(form, input, announcedSize);
        }

        string ReadForm(MultipartReader form, RequestInput input, int announcedSize)
        {
            int commitTimeout = 0;
            IPushSession session = null;
            int flashed = 0;
            try
            {
                while (form.NextPart())
                {
                    if (form.PartName == CommitTimeoutPart)
                        commitTimeout = ParseCommitTimeout(ReadField(form));
                    else if (form.PartName == FilePart && session == null)
                    {
                        bool estimated = announcedSize < 0 && form.PartLength < 0;
                        int size = announcedSize >= 0 ? announcedSize
                            : form.PartLength >= 0 ? form.PartLength
                            : input.BodyRemaining - form.ClosingLength - 2;
                        session = Begin(size);
                        flashed = FlashFilePart(form, session, size, estimated);
                    }
                }
                if (session == null)
                    throw new PushException(PushStatus.BadRequest, "Error: no firmware file received (expected a part named '" + FilePart + "')");
                string label = End(session, commitTimeout);
                session = null;
                return "OTA flash was successful\n  Flashed " + flashed.ToString() + " bytes\n  Next boot will be from '" + label + "'\n";
            }
            finally
            {
                if (session != null)
                    session.Abort();
            }
        }

        IPushSession Begin(int size)
        {
            if (size < 1)
                throw new PushException(PushStatus.BadRequest, "Error: the '" + FilePart + "' part is empty");
            if (size > _target.Capacity)
                throw new PushException(PushStatus.PayloadTooLarge, "Error: image of " + size.ToString()
                    + " bytes is larger than the target partition (" + _target.Capacity.ToString() + " bytes capacity)");
            try
            {
                return _target.Begin(size);
            }
            catch (PushException)
            {
                throw; // the target's own answer (busy, on trial)
            }
            catch (PowerLossException)
            {
                throw;
            }
            catch (Exception e)
            {
                // Busy lock, no target, a size the updater refuses: OVMS's web upload answers 409 "Error: <reason>".
                throw new PushException(PushStatus.Conflict, "Error: " + e.Message);
            }
        }

        /// <summary>Feeds the file part to the session; returns its length, which must be the size announced.</summary>
        static int FlashFilePart(MultipartReader form, IPushSession session, int size, bool estimated)
        {
            int total = 0;
            while (true)
            {
                int offset;
                int count = form.ReadPart(out offset);
                if (count == 0)
                    break;
                if (total + count > size)
                    throw WrongSize(size, "more");
                Write(session, form, offset, count);
                total += count;
            }
            // An estimated size is the rest of the body: a self-delimiting upload followed by other fields ends before it.
            ISelfDelimitingSession delimited = session as ISelfDelimitingSession;
            bool shorterIsWhole = estimated && total < size && delimited != null && delimited.SelfDelimiting;
            if (total != size && !shorterIsWhole)
                throw WrongSize(size, total.ToString());
            return total;
        }

        static void Write(IPushSession session, MultipartReader form, int offset, int count)
        {
            try
            {
                session.Write(form.Buffer, offset, count);
            }
            catch (PowerLossException)
            {
                throw;
            }
            catch (Exception e)
            {
                throw new PushException(PushStatus.InternalError, "Error: " + e.Message);
            }
        }

        static string End(IPushSession session, int commitTimeout)
        {
            try
            {
                return session.End(commitTimeout);
            }
            catch (PowerLossException)
            {
                throw;
            }
            catch (Exception e)
            {
                throw new PushException(PushStatus.InternalError, "Error: " + e.Message);
            }
        }

        static PushException WrongSize(int size, string found)
        {
            return new PushException(PushStatus.BadRequest, "Error: the '" + FilePart + "' part held " + found + " bytes, expected "
                + size.ToString() + " (put the file part last or pass ?size=<bytes>)");
        }

        static string ReadField(MultipartReader form)
        {
            StringBuilder text = new StringBuilder();
            while (true)
            {
                int offset;
                int count = form.ReadPart(out offset);
                if (count == 0)
                    return text.ToString();
                if (text.Length + count > MaxFieldLength)
                    throw new PushException(PushStatus.BadRequest, "Error: field '" + form.PartName + "' is longer than " + MaxFieldLength.ToString() + " characters");
                text.Append(Encoding.UTF8.GetString(form.Buffer, offset, count));
            }
        }

        static int ParseCommitTimeout(string text)
        {
            int seconds;
            if (!int.TryParse(text.Trim(), out seconds) || seconds < 0)
                throw new PushException(PushStatus.BadRequest, "Error: " + CommitTimeoutPart + " \"" + text + "\" is not a number of seconds");
            // Refused as it arrives: sent before the file (as curl -F sends it), nothing has been erased or written.
            string refusal = EnginePushTarget.CommitTimeoutRefusal(seconds);
            if (refusal != null)
                throw new PushException(PushStatus.BadRequest, "Error: " + refusal);
            return seconds;
        }

        static int ParseSize(string text)
        {
            if (text == null)
                return -1;
            int size;
            if (!int.TryParse(text, out size) || size < 0)
                throw new PushException(PushStatus.BadRequest, "Error: size \"" + text + "\" is not a number of bytes");
            return size;
        }

        static void WriteResponse(Stream connection, int status, string text)
        {
            // Answers carry image and server texts: their control characters are shown, not sent to the client.
            text = VisibleText.Of(text);
            HttpAnswer.Write(connection, status, HttpAnswer.PlainText, Encoding.UTF8.GetBytes(text.EndsWith("\n") ? text : text + "\n"));
        }

        static void WriteText(Stream connection, string text)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            connection.Write(bytes, 0, bytes.Length);
        }
    }
}

using System;
using System.IO;
using OvmsOta.Ports;
using System.Text;

namespace OvmsOta.Tests.Portable.Push
{
    /// <summary>
    /// One client connection as the endpoint sees it: the request's bytes, handed out at most ChunkSize at
    /// a time (so boundaries and lines fall across read edges), and everything the endpoint answers.
    /// </summary>
    public sealed class PushConnection : ForwardStream
    {
        readonly byte[] _request;
        readonly ByteBuffer _response = new ByteBuffer();
        int _position;

        public PushConnection(byte[] request, int chunkSize)
        {
            _request = request;
            ChunkSize = chunkSize;
        }

        public int ChunkSize { get; set; }

        /// <summary>How many request bytes the endpoint read.</summary>
        public int BytesRead { get { return _position; } }

        public string ResponseText { get { byte[] bytes = _response.ToArray(); return Encoding.UTF8.GetString(bytes, 0, bytes.Length); } }

        /// <summary>The final response's status (after any "100 Continue").</summary>
        public int Status
        {
            get
            {
                string text = ResponseText;
                int at = text.LastIndexOf("HTTP/1.1 ");
                return at < 0 ? -1 : int.Parse(text.Substring(at + 9, 3));
            }
        }

        /// <summary>The final response's body.</summary>
        public string Body
        {
            get
            {
                string text = ResponseText;
                int at = text.LastIndexOf("\r\n\r\n");
                return at < 0 ? "" : text.Substring(at + 4);
            }
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = _request.Length - _position;
            if (n > count)
                n = count;
            if (n > ChunkSize)
                n = ChunkSize;
            Array.Copy(_request, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            _response.Write(buffer, offset, count);
        }

        public override void Flush() { }
        public override bool CanWrite { get { return true; } }
    }
}

using System;
using System.IO;
using System.Net.Sockets;
using System.Text;
using OvmsOta.Ports;
using OvmsOta.UpdateServer;

namespace OvmsOta.Tests.Host.Server
{
    /// <summary>
    /// A test-only HTTP/1.0 transport in OVMS's style: plain socket, status and Content-Length from the
    /// head, and the body as the raw socket stream, not cut at Content-Length. It shows HttpFetcher
    /// refusing surplus bytes from a real server, which .NET's HttpClient would silently drop.
    /// </summary>
    public sealed class RawSocketTransport : IHttpTransport
    {
        public IHttpResponse Get(string url, string userAgent, int timeoutMilliseconds)
        {
            var uri = new Uri(url);
            var client = new TcpClient();
            client.ReceiveTimeout = timeoutMilliseconds;
            if (!client.ConnectAsync(uri.Host, uri.Port).Wait(timeoutMilliseconds))
                throw new TimeoutException("connect timed out");
            NetworkStream stream = client.GetStream();
            byte[] request = Encoding.ASCII.GetBytes("GET " + uri.PathAndQuery + " HTTP/1.0\r\nHost: " + uri.Host
                + "\r\nUser-Agent: " + userAgent + "\r\n\r\n");
            stream.Write(request, 0, request.Length);

            int status = 0;
            int length = -1;
            string line;
            while ((line = ReadLine(stream)).Length > 0)
            {
                if (line.StartsWith("HTTP/"))
                    status = int.Parse(line.Split(' ')[1]);
                else if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                    length = int.Parse(line.Substring(15).Trim());
            }
            return new Response(client, stream, status, length);
        }

        // Byte by byte so no body byte is consumed with the head (a test helper, not a device path).
        static string ReadLine(Stream stream)
        {
            var line = new StringBuilder();
            int b;
            while ((b = stream.ReadByte()) >= 0 && b != '\n')
            {
                if (b != '\r')
                    line.Append((char)b);
            }
            return line.ToString();
        }

        sealed class Response : IHttpResponse
        {
            readonly TcpClient _client;
            readonly NetworkStream _stream;

            public Response(TcpClient client, NetworkStream stream, int status, int length)
            {
                _client = client;
                _stream = stream;
                StatusCode = status;
                ContentLength = length;
            }

            public int StatusCode { get; }
            public int ContentLength { get; }
            public string Location => null;
            public Stream Body => _stream;

            // A blocking socket read returns 0 only when the server closed the connection.
            public bool EndOfBody => true;

            public void Dispose() => _client.Dispose();
        }
    }
}

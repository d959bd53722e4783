using System;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace OvmsOta.Tests.Host.Server
{
    /// <summary>
    /// A raw TcpListener on 127.0.0.1 for the response Kestrel refuses to produce: a body longer than its
    /// Content-Length. It answers each connection with the canned bytes and closes it; it stops on Dispose.
    /// </summary>
    public sealed class RawFaultServer : IDisposable
    {
        readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        readonly CancellationTokenSource _stop = new CancellationTokenSource();
        readonly byte[] _response;
        readonly Task _loop;

        public RawFaultServer(int contentLength, byte[] body)
        {
            byte[] head = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: "
                + contentLength + "\r\nConnection: close\r\n\r\n");
            _response = new byte[head.Length + body.Length];
            head.CopyTo(_response, 0);
            body.CopyTo(_response, head.Length);
            _listener.Start();
            _loop = Task.Run(ServeAsync);
        }

        public string Url(string path) => "127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port + "/" + path;

        async Task ServeAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync(_stop.Token);
                }
                catch (Exception)
                {
                    return;
                }
                using (client)
                {
                    NetworkStream stream = client.GetStream();
                    // Read the request head (bounded); its content does not matter.
                    var request = new byte[4096];
                    using var readTimeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                    readTimeout.CancelAfter(2000);
                    try
                    {
                        await stream.ReadAsync(request, readTimeout.Token);
                        await stream.WriteAsync(_response, _stop.Token);
                    }
                    catch (Exception)
                    {
                    }
                }
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            _loop.Wait(2000);
        }
    }
}

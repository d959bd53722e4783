using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using OvmsOta.Ports;

namespace OvmsOta.Firmware.Servers
{
    /// <summary>
    /// A TCP listener on its own thread that serves one client at a time, in the accept loop itself: a second client
    /// waits in the backlog until the first is done (the module has one flash, one work buffer, few sockets). An idle
    /// client is dropped after the receive timeout, so it cannot hold the port. If the listener fails (no network yet,
    /// port taken) it is logged and retried.
    /// </summary>
    public sealed class TcpServer
    {
        private const int RetryMilliseconds = 10000;
        private const int Backlog = 1;

        private readonly string _name;
        private readonly int _port;
        private readonly IConnectionHandler _handler;
        private readonly IOtaLog _log;
        private readonly int _receiveTimeoutMilliseconds;
        private Socket _listener;

        public TcpServer(string name, int port, IConnectionHandler handler, IOtaLog log, int receiveTimeoutMilliseconds)
        {
            if (handler == null)
                throw new ArgumentNullException("handler");
            _name = name;
            _port = port;
            _handler = handler;
            _log = log;
            _receiveTimeoutMilliseconds = receiveTimeoutMilliseconds;
        }

        /// <summary>Listens and accepts on a new thread; failures are logged and retried there, never thrown to the caller.</summary>
        public void Start()
        {
            new Thread(AcceptLoop).Start();
        }

        /// <summary>The port listened on (the one given, or the one the system chose for port 0); -1 when not listening.</summary>
        public int LocalPort
        {
            get { return _listener == null ? -1 : ((IPEndPoint)_listener.LocalEndPoint).Port; }
        }

        /// <summary>Accepts and serves exactly one client on the calling thread (tests; the loop's body).</summary>
        public void ServeOne()
        {
            Socket client = _listener.Accept();
            try
            {
                client.ReceiveTimeout = _receiveTimeoutMilliseconds;
                using (Stream stream = new NetworkStream(client, true))
                    _handler.Serve(stream);
            }
            catch (Exception e)
            {
                _log.Warning(_name + ": connection ended: " + e.Message);
            }
            finally
            {
                client.Close();
            }
        }

        /// <summary>Stops listening (tests).</summary>
        public void Stop()
        {
            if (_listener != null)
                _listener.Close();
        }

        /// <summary>Binds and listens on the calling thread; throws when it cannot.</summary>
        public void Listen()
        {
            Socket listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                listener.Bind(new IPEndPoint(IPAddress.Any, _port));
                listener.Listen(Backlog);
            }
            catch (Exception)
            {
                listener.Close();
                throw;
            }
            _listener = listener;
            _log.Info(_name + ": listening on TCP port " + _port.ToString());
        }

        private void AcceptLoop()
        {
            while (true)
            {
                try
                {
                    if (_listener == null)
                        Listen();
                    ServeOne();
                }
                catch (Exception e)
                {
                    _log.Error(_name + ": listener failed on port " + _port.ToString() + ": " + e.Message + "; retrying in "
                        + (RetryMilliseconds / 1000).ToString() + " s");
                    Stop();
                    _listener = null;
                    Thread.Sleep(RetryMilliseconds);
                }
            }
        }
    }
}

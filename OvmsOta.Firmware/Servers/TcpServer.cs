using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using OvmsOta.Ports;
using OvmsOta.Push;

namespace OvmsOta.Firmware.Servers
{
    /// <summary>
    /// A TCP listener on its own thread that serves one client at a time, in the accept loop itself: a second client
    /// waits in the backlog until the first is done (the module has one flash, one work buffer, few sockets). So that no
    /// client holds the port, each connection runs under a <see cref="ConnectionDeadline"/> (request head or login
    /// within 10 s, then a minimum body rate; the handler may lift it), an idle one is dropped after the receive
    /// timeout, and a send waits at most <see cref="SendTimeoutMilliseconds"/>. If the listener fails (no network yet,
    /// port taken) it is logged and retried.
    /// </summary>
    public sealed class TcpServer
    {
        private const int RetryMilliseconds = 10000;
        private const int Backlog = 1;
        public const int SendTimeoutMilliseconds = 10000;
        private const int DrainMilliseconds = 2000;
        private const int MaxDrainBytes = 64 * 1024;

        private readonly string _name;
        private readonly int _port;
        private readonly IConnectionHandler _handler;
        private readonly IOtaLog _log;
        private readonly int _receiveTimeoutMilliseconds;
        private readonly IMonotonicClock _clock;
        private readonly bool _headEndsAtBlankLine;
        private Socket _listener;

        /// <summary>headEndsAtBlankLine: the protocol is HTTP (the head deadline ends at its blank line).</summary>
        public TcpServer(string name, int port, IConnectionHandler handler, IOtaLog log, int receiveTimeoutMilliseconds,
            IMonotonicClock clock, bool headEndsAtBlankLine)
        {
            if (clock == null)
                throw new ArgumentNullException("clock");
            if (handler == null)
                throw new ArgumentNullException("handler");
            _name = name;
            _port = port;
            _handler = handler;
            _log = log;
            _receiveTimeoutMilliseconds = receiveTimeoutMilliseconds;
            _clock = clock;
            _headEndsAtBlankLine = headEndsAtBlankLine;
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
            ConnectionDeadline deadline = new ConnectionDeadline(_clock);
            try
            {
                client.ReceiveTimeout = _receiveTimeoutMilliseconds;
                client.SendTimeout = SendTimeoutMilliseconds;
                NetworkStream stream = new NetworkStream(client, false);
                _handler.Serve(new DeadlineStream(stream, deadline, _headEndsAtBlankLine));
                Drain(stream);
            }
            catch (Exception e)
            {
                _log.Warning(_name + ": connection ended: " + (deadline.Missed.Length > 0 ? deadline.Missed : e.Message));
            }
            finally
            {
                client.Close();
            }
        }

        // nanoFramework's Socket has no Shutdown: closing with unread input would reset the connection and could drop
        // the answer before the client read it (a push refused mid-upload). So read what the client still sends,
        // bounded in time and bytes, before closing.
        private void Drain(NetworkStream stream)
        {
            stream.ReadTimeout = DrainMilliseconds;
            long end = _clock.Milliseconds + DrainMilliseconds;
            byte[] buffer = new byte[256];
            int drained = 0;
            try
            {
                while (drained < MaxDrainBytes && _clock.Milliseconds < end)
                {
                    int n = stream.Read(buffer, 0, buffer.Length);
                    if (n <= 0)
                        return;
                    drained += n;
                }
            }
            catch (Exception)
            {
                // Timed out or reset: nothing more to read.
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

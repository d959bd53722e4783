using System.Net;
using System.Net.Sockets;
using OvmsOta.Flash;
using OvmsOta.Push;
using OvmsOta.Simulator.Net;

namespace OvmsOta.Simulator.Module;

/// <summary>
/// The module's HTTP port (web page, push endpoint, RPC) on a loopback TCP port: accepts one connection at a time (as a small
/// device would) and hands its NetworkStream to the portable endpoint, so the simulator runs the device's
/// code. Each connection runs under a ConnectionDeadline (head within 10 s, then a minimum body rate), so a
/// trickling stranger is cut and the next client in the backlog is served. After the answer it stops sending and reads what the client still sends (bounded in time and
/// bytes), so a client refused mid-upload gets the answer rather than a connection reset.
/// </summary>
public sealed class PushListener : IDisposable
{
    const int IoTimeoutMs = 10_000;
    const int DrainTimeoutMs = 2_000;
    const int MaxDrainBytes = 16 * 1024 * 1024;

    static readonly HostMonotonicClock Clock = new();

    readonly TcpListener _listener;
    readonly Func<Stream, int> _serve;
    readonly Thread _thread;
    readonly TextWriter? _log;
    volatile bool _stopping;

    PushListener(TcpListener listener, Func<Stream, int> serve, TextWriter? log)
    {
        _listener = listener;
        _serve = serve;
        _log = log;
        EndPoint = (IPEndPoint)listener.LocalEndpoint;
        _thread = new Thread(AcceptLoop) { IsBackground = true, Name = "ovmsota push endpoint" };
    }

    /// <summary>127.0.0.1 and the port bound (a free one when 0 was asked for).</summary>
    public IPEndPoint EndPoint { get; }

    public string Url => "http://" + EndPoint + "/update";

    /// <summary>The module's web page (the same port serves /update and /rpc/).</summary>
    public string PageUrl => "http://" + EndPoint + "/";

    /// <summary>Listens on 127.0.0.1:port; serve answers one connection and returns the HTTP status it sent.</summary>
    public static PushListener Start(int port, Func<Stream, int> serve, TextWriter? log = null)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        var push = new PushListener(listener, serve, log);
        push._thread.Start();
        return push;
    }

    void AcceptLoop()
    {
        while (!_stopping)
        {
            TcpClient client;
            try
            {
                client = _listener.AcceptTcpClient();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            using (client)
                Serve(client);
        }
    }

    void Serve(TcpClient client)
    {
        client.ReceiveTimeout = IoTimeoutMs;
        client.SendTimeout = IoTimeoutMs;
        try
        {
            var deadline = new ConnectionDeadline(Clock);
            int status = _serve(new DeadlineStream(client.GetStream(), deadline, headEndsAtBlankLine: true));
            string missed = deadline.Missed.Length > 0 ? " (" + deadline.Missed + ")" : "";
            _log?.WriteLine("[http] " + client.Client.RemoteEndPoint + ": " + status + missed);
            client.Client.Shutdown(SocketShutdown.Send);
            Drain(client);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            // The client went away; the endpoint has already aborted anything it started.
        }
        catch (PowerLossException)
        {
            // The module was reset under the push: the connection drops with the old engine, unanswered.
        }
    }

    static void Drain(TcpClient client)
    {
        client.ReceiveTimeout = DrainTimeoutMs;
        var buffer = new byte[16 * 1024];
        long deadline = Environment.TickCount64 + DrainTimeoutMs;
        int drained = 0;
        while (drained < MaxDrainBytes && Environment.TickCount64 < deadline)
        {
            int n = client.Client.Receive(buffer);
            if (n <= 0)
                return;
            drained += n;
        }
    }

    public void Dispose()
    {
        _stopping = true;
        _listener.Stop();
        _thread.Join(TimeSpan.FromSeconds(5));
    }
}

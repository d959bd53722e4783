using OvmsOta.Module;
using OvmsOta.Push;

namespace OvmsOta.Firmware.Servers
{
    /// <summary>
    /// The module's HTTP port on a connection: Core's ModuleHttp (the web page at /, the <see cref="PushEndpoint"/> at
    /// /update with the same flash lock and updater as `ota flash`, the RPC at /rpc/), built per request so a changed
    /// `ota push.secret` applies at once. One 4 KB buffer,
    /// reused: the server serves one connection at a time.
    /// </summary>
    public sealed class PushConnection : IConnectionHandler
    {
        private readonly OtaModule _module;
        private readonly byte[] _buffer = new byte[PushEndpoint.DefaultBufferSize];

        public PushConnection(OtaModule module)
        {
            _module = module;
        }

        public void Serve(DeadlineStream connection)
        {
            // A restart is pending: nothing may be written now (the target slot may be the image the restart boots).
            if (_module.RebootPending)
                return;
            int status = _module.CreateHttp(_buffer).Handle(connection);
            string missed = connection.Deadline.Missed;
            _module.Engine.Log.Info("http: answered " + status.ToString() + (missed.Length > 0 ? " (" + missed + ")" : ""));
        }
    }
}

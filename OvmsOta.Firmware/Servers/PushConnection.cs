using System.IO;
using OvmsOta.Server.Push;
using OvmsOta.Shell;

namespace OvmsOta.Firmware.Servers
{
    /// <summary>
    /// The HTTP push endpoint on a connection: Core's <see cref="PushEndpoint"/> over the engine (same flash lock and
    /// updater as `ota flash`), built per request so a changed `ota push.secret` applies at once. One 4 KB buffer,
    /// reused: the server serves one connection at a time.
    /// </summary>
    public sealed class PushConnection : IConnectionHandler
    {
        private readonly OtaEngine _engine;
        private readonly byte[] _buffer = new byte[PushEndpoint.DefaultBufferSize];

        public PushConnection(OtaEngine engine)
        {
            _engine = engine;
        }

        public void Serve(Stream connection)
        {
            // A restart is pending: nothing may be written now (the target slot may be the image the restart boots).
            if (_engine.RebootPending)
                return;
            int status = EnginePushTarget.Endpoint(_engine, _buffer).Handle(connection);
            _engine.Log.Info("push: answered " + status.ToString());
        }
    }
}

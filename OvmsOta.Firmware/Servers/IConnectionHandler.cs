using OvmsOta.Push;

namespace OvmsOta.Firmware.Servers
{
    /// <summary>
    /// Serves one accepted connection; the server closes it afterwards. The connection runs under a deadline the
    /// handler may lift or widen (a logged-in shell).
    /// </summary>
    public interface IConnectionHandler
    {
        void Serve(DeadlineStream connection);
    }
}

using System.IO;

namespace OvmsOta.Firmware.Servers
{
    /// <summary>Serves one accepted connection; the server closes it afterwards.</summary>
    public interface IConnectionHandler
    {
        void Serve(Stream connection);
    }
}

using System.IO;

namespace OvmsOta.Ports
{
    /// <summary>The module's files (/sd, /store) for `ota flash vfs`; the device and the host supply one.</summary>
    public interface IFileAccess
    {
        /// <summary>Length of the file in bytes, or -1 when it does not exist (OVMS's stat()).</summary>
        int Length(string path);

        /// <summary>The file opened for reading, or null when it cannot be opened.</summary>
        Stream OpenRead(string path);
    }
}

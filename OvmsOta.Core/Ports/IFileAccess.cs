using System.IO;

namespace OvmsOta.Ports
{
    /// <summary>The module's files (/sd, /store) for `ota flash vfs` and the SD card flash at boot; the device and the host supply one.</summary>
    public interface IFileAccess
    {
        /// <summary>Length of the file in bytes, or -1 when it does not exist (OVMS's stat()).</summary>
        int Length(string path);

        /// <summary>The file opened for reading, or null when it cannot be opened.</summary>
        Stream OpenRead(string path);

        /// <summary>Deletes the file; false when it did not exist or could not be deleted (OVMS's unlink()).</summary>
        bool Delete(string path);

        /// <summary>Renames a file; false when that failed (OVMS's rename()).</summary>
        bool Rename(string from, string to);
    }
}

using System;

namespace OvmsOta.UpdateServer
{
    /// <summary>
    /// The one error of update-server requests. Message texts follow OVMS where OVMS has one
    /// ("Expected download file size (0) is invalid"); Error says which case it is.
    /// </summary>
    public class DownloadException : Exception
    {
        public DownloadException(DownloadError error, string message)
            : base(message)
        {
            Error = error;
        }

        public DownloadException(DownloadError error, string message, Exception inner)
            : base(message, inner)
        {
            Error = error;
        }

        public DownloadError Error { get; private set; }
    }
}

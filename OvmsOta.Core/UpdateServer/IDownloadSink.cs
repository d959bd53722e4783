namespace OvmsOta.UpdateServer
{
    /// <summary>
    /// Where a download goes (the updater's flash writer, a file, a test buffer). Begin, then Write
    /// any number of times, then exactly one of Complete or Fail. Only Complete may activate anything.
    /// </summary>
    public interface IDownloadSink
    {
        /// <summary>Called once the status and Content-Length are accepted, before the first Write.</summary>
        void Begin(int expectedLength);

        /// <summary>The next body bytes, in order; never more than Content-Length in total.</summary>
        void Write(byte[] buffer, int offset, int count);

        /// <summary>All Content-Length bytes arrived and nothing more.</summary>
        void Complete();

        /// <summary>The download failed after Begin; reason is the error message. Nothing may be activated.</summary>
        void Fail(string reason);
    }
}

namespace OvmsOta.UpdateServer
{
    /// <summary>
    /// A download sink that can take an image in more than one request (<see cref="ResumableDownload"/>): Open instead
    /// of Begin, then Write from the byte it says it holds; Restart voids what it got. Complete or Fail end it, as for
    /// every <see cref="IDownloadSink"/>.
    /// </summary>
    public interface IResumableSink : IDownloadSink
    {
        /// <summary>
        /// Begins the image identity, whose first headLength bytes are head (headLength 0: not known, nothing may be
        /// resumed). Returns how many leading bytes of it the sink already holds and has verified again (bytes an
        /// earlier attempt wrote, re-hashed from where they are): the next Write is that byte. 0: begun afresh, the next
        /// Write is byte 0.
        /// </summary>
        int Open(ImageIdentity identity, byte[] head, int headLength);

        /// <summary>
        /// What was received is void (the server ignored Range, the image changed, the compressed copy is corrupt) and
        /// must not be resumed from; Open (a fresh start) or Fail follows.
        /// </summary>
        void Restart(string reason);
    }
}

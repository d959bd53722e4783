namespace OvmsOta.Push
{
    /// <summary>
    /// One pushed image on its way to flash: Write for every block, then exactly one of End or Abort.
    /// Any exception from Write or End means the update failed and nothing was activated; the endpoint
    /// then calls Abort, which must release the flash lock whatever state the session is in.
    /// </summary>
    public interface IPushSession
    {
        void Write(byte[] buffer, int offset, int count);

        /// <summary>
        /// Verifies the image and makes it the next boot partition; returns that partition's label.
        /// commitTimeoutSeconds is the form's commit_timeout (0 when absent): how long the new image may run
        /// unconfirmed before the module goes back to the old one.
        /// </summary>
        string End(int commitTimeoutSeconds);

        /// <summary>Gives the update up and releases the flash lock; nothing is activated. Harmless after End.</summary>
        void Abort();
    }
}

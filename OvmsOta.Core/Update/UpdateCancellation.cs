namespace OvmsOta.Update
{
    /// <summary>
    /// A cancel flag for a running update, set from anywhere (a shell command, a timeout, another thread) and checked
    /// by the session at every Write and at End; a cancelled update fails like any other (<see cref="UpdateException"/>).
    /// A plain field, not volatile: the device build has no IsVolatile modifier, and a bool store is atomic on both targets.
    /// </summary>
    public sealed class UpdateCancellation
    {
        private bool _cancelled;

        public bool IsCancelled { get { return _cancelled; } }

        public void Cancel() { _cancelled = true; }
    }
}

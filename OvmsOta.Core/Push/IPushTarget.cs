namespace OvmsOta.Push
{
    /// <summary>
    /// Where a pushed image goes: the same updater and flash lock as `ota flash`. The device and the
    /// simulator each supply one over their engine; tests supply a recording one.
    /// </summary>
    public interface IPushTarget
    {
        /// <summary>The largest image accepted, in bytes: the size of the slot an update would write (0 = none).</summary>
        int Capacity { get; }

        /// <summary>
        /// Takes the flash lock without waiting and opens an update of exactly imageSize bytes. Throws
        /// a <see cref="PushException"/> (409) when the lock is busy or an image is on trial, another exception when the
        /// update cannot start (the endpoint answers 409 with its message); nothing is written then.
        /// </summary>
        IPushSession Begin(int imageSize);
    }
}

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
        /// <see cref="PushRefusedException"/> when the lock is busy or the update cannot start (nothing written then).
        /// </summary>
        IPushSession Begin(int imageSize);
    }
}

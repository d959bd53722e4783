using System.Threading;
using OvmsOta.Update;

namespace OvmsOta.Engine
{
    /// <summary>
    /// OVMS's one flash mutex, shared by every writer (shell flash/boot/erase/copy, the nightly job, the HTTP push):
    /// taken without waiting, so a second writer is refused at once instead of queueing behind a 7 MB download.
    /// </summary>
    public sealed class InstallLock
    {
        /// <summary>What OVMS prints when a flash, boot, erase or copy finds the lock taken.</summary>
        public const string BusyText = "Error: " + OtaUpdater.BusyReason;

        private int _held;

        /// <summary>Takes the lock if it is free; false at once when another writer holds it.</summary>
        public bool TryEnter()
        {
            return Interlocked.CompareExchange(ref _held, 1, 0) == 0;
        }

        public void Exit()
        {
            Interlocked.Exchange(ref _held, 0);
        }

        public bool IsHeld
        {
            get { return Interlocked.CompareExchange(ref _held, 0, 0) != 0; }
        }
    }
}

using System;
using OvmsOta.Flash;

namespace OvmsOta.Update
{
    /// <summary>
    /// An update failed: the one exception type every updater error reaches the caller as (refused target or size,
    /// rejected image, size mismatch, cancel, flash failure, read-back mismatch). The message says what to do about
    /// it; when it is thrown the running slot and otadata are as before and the target slot is unbootable.
    /// <see cref="OvmsOta.Flash.PowerLossException"/> is never wrapped in it.
    /// </summary>
    public class UpdateException : Exception
    {
        public UpdateException(string message) : base(message) { }

        public UpdateException(string message, Exception inner) : base(message, inner) { }

        /// <summary>nothingChanged: the update was refused before the target was erased or written.</summary>
        public UpdateException(string message, Exception inner, bool nothingChanged) : base(message, inner)
        {
            NothingChanged = nothingChanged;
        }

        /// <summary>True when the update was refused before anything was erased or written: the target holds what it held.</summary>
        public bool NothingChanged { get; private set; }
    }
}

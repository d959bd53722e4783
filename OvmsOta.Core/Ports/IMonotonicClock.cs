namespace OvmsOta.Ports
{
    /// <summary>Milliseconds that only go forward, and a pause; tests supply a clock that never sleeps.</summary>
    public interface IMonotonicClock
    {
        /// <summary>Milliseconds since an arbitrary start.</summary>
        long Milliseconds { get; }

        /// <summary>Waits about this long (polling for data that is not there yet).</summary>
        void Pause(int milliseconds);
    }
}

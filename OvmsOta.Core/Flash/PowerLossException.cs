using System;

namespace OvmsOta.Flash
{
    /// <summary>
    /// The simulated power went away: thrown by the cut operation and by every later access until
    /// <see cref="SimulatedFlash.Reboot"/>. Code under test must not catch it (a real module just stops).
    /// </summary>
    public class PowerLossException : Exception
    {
        public PowerLossException(string message) : base(message) { }
    }
}

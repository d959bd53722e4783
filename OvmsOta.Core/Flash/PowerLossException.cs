using System;

namespace OvmsOta.Flash
{
    /// <summary>
    /// Part of the IFlash contract: the power went away during or before this access (the simulated flash of
    /// OvmsOta.Simulation throws it at a cut and on every later access until its reboot; a real module just stops).
    /// Nothing may catch it: code that catches every exception to answer an error rethrows it (Push/PushEndpoint).
    /// </summary>
    public class PowerLossException : Exception
    {
        public PowerLossException(string message) : base(message) { }
    }
}

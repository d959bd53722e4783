#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using OvmsOta.Ports;

namespace OvmsOta.Tests.Portable.Boot
{
    /// <summary>Records the reboot and stops the caller with <see cref="RebootRequested"/>, as a real reboot never returns.</summary>
    public sealed class SimulatedReboot : IReboot
    {
        public int Count;
        public string LastReason;

        public void Reboot(string reason)
        {
            Count++;
            LastReason = reason;
            throw new RebootRequested(reason);
        }
    }

    public class RebootRequested : Exception
    {
        public RebootRequested(string reason) : base("reboot: " + reason) { }
    }
}

#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using OvmsOta.Ports;

namespace OvmsOta.Tests.Portable.Boot
{
    /// <summary>
    /// Records the reboot and stops the caller with <see cref="RebootRequested"/>, as the device's reboot never returns;
    /// with <see cref="Returns"/> set it returns instead, as nanoCLR's Power.RebootDevice does (the caller runs on).
    /// </summary>
    public sealed class SimulatedReboot : IReboot
    {
        public int Count;
        public string LastReason;
        public bool Returns;

        public void Reboot(string reason)
        {
            Count++;
            LastReason = reason;
            if (Returns)
                return;
            throw new RebootRequested(reason);
        }
    }

    public class RebootRequested : Exception
    {
        public RebootRequested(string reason) : base("reboot: " + reason) { }
    }
}

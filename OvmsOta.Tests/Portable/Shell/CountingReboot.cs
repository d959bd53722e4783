using OvmsOta.Ports;

namespace OvmsOta.Tests.Portable.Shell
{
    /// <summary>Counts restarts instead of doing them.</summary>
    public sealed class CountingReboot : IReboot
    {
        public int Count;
        public string LastReason;

        public void Reboot(string reason)
        {
            Count++;
            LastReason = reason;
        }
    }
}

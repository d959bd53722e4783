using System.Collections.Generic;
using OvmsOta.Ports;

namespace OvmsOta.Tests.Host.Schedule
{
    /// <summary>Records restarts instead of doing them.</summary>
    public sealed class RecordingReboot : IReboot
    {
        public List<string> Reasons { get; } = new List<string>();

        public void Reboot(string reason) => Reasons.Add(reason);
    }
}

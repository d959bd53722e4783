using System;
using System.Collections;
using System.IO;
using OvmsOta.Ports;

namespace OvmsOta.Tests.Portable.Shell
{
    /// <summary>A reboot policy tests can hold.</summary>
    public sealed class FakeRebootPolicy : IRebootPolicy
    {
        public bool Allow = true;
        public int Asked;

        public bool MayRebootNow()
        {
            Asked++;
            return Allow;
        }
    }
}

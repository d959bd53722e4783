using System;
using System.Collections;
using System.IO;
using OvmsOta.Ports;

namespace OvmsOta.Tests.Portable.Shell
{
    /// <summary>Wifi and modem switches for tests.</summary>
    public sealed class FakeNetwork : INetworkStatus
    {
        public bool Wifi = true;
        public bool Modem;
        public bool WifiConnected { get { return Wifi; } }
        public bool ModemConnected { get { return Modem; } }
    }
}

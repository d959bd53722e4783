using OvmsOta.UpdateServer;

namespace OvmsOta.Ports
{
    /// <summary>What the module is: the m.hardware text and what the update server's product directory depends on.</summary>
    public sealed class HardwareInfo
    {
        /// <summary>OVMS's m.hardware, e.g. "OVMS WIFI BLE BT cores=2 rev=ESP32/3; MODEM SIM7600" (empty: not printed).</summary>
        public string Description;

        /// <summary>The hardware build: "3.0" or "3.1" (<see cref="OvmsOta.UpdateServer.OvmsProduct"/>).</summary>
        public string Build;

        /// <summary>ESP32 chip revision (3 on current modules: product v3.3).</summary>
        public int ChipRevision;

        /// <summary>The minor part of the chip revision (ESP32 v3.1: 1); 0 when the firmware does not read it.</summary>
        public int ChipRevisionMinor;

        /// <summary>The chip revision as image headers give it: major * 100 + minor (v3.0 = 300).</summary>
        public int ChipRevisionFull
        {
            get { return ChipRevision * 100 + ChipRevisionMinor; }
        }

        public HardwareInfo(string description, string build, int chipRevision)
        {
            Description = description;
            Build = build;
            ChipRevision = chipRevision;
        }
    }
}

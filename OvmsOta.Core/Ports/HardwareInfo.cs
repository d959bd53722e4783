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

        public HardwareInfo(string description, string build, int chipRevision)
        {
            Description = description;
            Build = build;
            ChipRevision = chipRevision;
        }
    }
}

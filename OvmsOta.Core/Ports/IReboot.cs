namespace OvmsOta.Ports
{
    /// <summary>
    /// Restarts the module (device: Power.RebootDevice, then the calling thread blocks for good). nanoCLR's call itself,
    /// and the host fakes, return: inside the engine every request goes through the engine's RebootGate, which
    /// stops the engine's entry points from running anything after it.
    /// </summary>
    public interface IReboot
    {
        void Reboot(string reason);
    }
}

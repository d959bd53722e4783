namespace OvmsOta.Ports
{
    /// <summary>Restarts the module (device: Power.RebootDevice). Normally does not return; tests record the call and throw.</summary>
    public interface IReboot
    {
        void Reboot(string reason);
    }
}

using OvmsOta.Ports;

namespace OvmsOta.Simulator.Module;

/// <summary>The simulated esp_restart: does not return, like the device's; the module's loop catches it and reboots.</summary>
public sealed class ModuleReboot : IReboot
{
    public void Reboot(string reason) => throw new ModuleRebootException(reason);
}

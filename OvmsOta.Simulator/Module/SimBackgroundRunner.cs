using OvmsOta.Ports;

namespace OvmsOta.Simulator.Module;

/// <summary>
/// Background jobs of an interactive module (`ota flash auto`, the nightly update) on their own thread, as OVMS
/// starts a task; a restart they ask for (after a successful automatic update) is handed to the console.
/// </summary>
public sealed class SimBackgroundRunner(Action<string> reboot) : IBackgroundRunner
{
    public void Start(ThreadStart work)
    {
        new Thread(() =>
        {
            try
            {
                work();
            }
            catch (ModuleRebootException e)
            {
                reboot(e.Message);
            }
        }) { IsBackground = true, Name = "ovmsota background job" }.Start();
    }
}

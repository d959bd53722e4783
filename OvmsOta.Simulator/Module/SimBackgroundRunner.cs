using OvmsOta.Flash;
using OvmsOta.Ports;

namespace OvmsOta.Simulator.Module;

/// <summary>
/// Background jobs of an interactive module (`ota flash auto`, the nightly update) on their own thread, as OVMS
/// starts a task; a restart they ask for (after a successful automatic update) is handed to the console, and a
/// reset that ends their engine ends them.
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
            catch (PowerLossException)
            {
                // The module was reset under the job: it ended with the old engine, as a task does on a real reset.
            }
        }) { IsBackground = true, Name = "ovmsota background job" }.Start();
    }
}

using System.Threading;
using OvmsOta.Ports;

namespace OvmsOta.Simulation
{
    /// <summary>Runs the work at once on the caller's thread (tests, and the simulator's step-by-step mode).</summary>
    public sealed class InlineRunner : IBackgroundRunner
    {
        public void Start(ThreadStart work)
        {
            work();
        }
    }
}

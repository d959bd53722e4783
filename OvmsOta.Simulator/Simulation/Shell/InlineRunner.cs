using System.Threading;

namespace OvmsOta.Shell
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

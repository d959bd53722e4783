using System.Threading;

namespace OvmsOta.Ports
{
    /// <summary>The default runner: a new thread per job, as OVMS starts a task.</summary>
    public sealed class ThreadRunner : IBackgroundRunner
    {
        public void Start(ThreadStart work)
        {
            new Thread(work).Start();
        }
    }
}

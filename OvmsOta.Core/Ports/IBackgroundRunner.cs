using System.Threading;

namespace OvmsOta.Ports
{
    /// <summary>Starts work that outlives the command (OVMS's "OVMS AutoFlash" task). Tests run it inline.</summary>
    public interface IBackgroundRunner
    {
        void Start(ThreadStart work);
    }
}

using System.Threading;

namespace OvmsOta.Firmware
{
    /// <summary>Entry point of the nanoFramework application on the OVMS module.</summary>
    public class Program
    {
        public static void Main()
        {
            // Placeholder until a later issue wires up the engine, the shell and the update schedule.
            Thread.Sleep(Timeout.Infinite);
        }
    }
}

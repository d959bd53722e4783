using OvmsOta.Boot;
using OvmsOta.Engine;

namespace OvmsOta.Shell
{
    /// <summary>`ota commit` and `ota revert` (ours): confirm the image on trial, or go back to the previous one now.</summary>
    public static class TrialCommands
    {
        public const string NoWatchdogText = "Error: No commit watchdog on this module (the platform gives no reboot binding)";

        public static void Commit(OtaEngine engine, IShellOutput output)
        {
            CommitWatchdog watchdog = engine.Watchdog;
            if (watchdog == null)
            {
                output.WriteLine(NoWatchdogText);
                return;
            }
            if (!engine.Lock.TryEnter(output))
                return;
            try
            {
                string slot = engine.Running.Label;
                if (watchdog.Commit())
                    output.WriteLine("Image on " + slot + " committed: it stays the boot image");
                else
                    output.WriteLine("Error: The image on " + slot + " is not on trial - nothing to commit");
            }
            finally
            {
                engine.Lock.Exit();
            }
        }

        public static void Revert(OtaEngine engine, IShellOutput output)
        {
            CommitWatchdog watchdog = engine.Watchdog;
            if (watchdog == null)
            {
                output.WriteLine(NoWatchdogText);
                return;
            }
            if (!engine.Lock.TryEnter(output))
                return;
            try
            {
                if (!watchdog.IsOnTrial)
                {
                    output.WriteLine("Error: The image on " + engine.Running.Label + " is not on trial - nothing to revert"
                        + " (use ota boot to choose another partition)");
                    return;
                }
                output.WriteLine("Reverting the image on " + engine.Running.Label + ": restarting into the previous image...");
                watchdog.Revert();
            }
            finally
            {
                engine.Lock.Exit();
            }
        }
    }
}

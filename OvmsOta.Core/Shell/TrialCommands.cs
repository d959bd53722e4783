using OvmsOta.Boot;
using OvmsOta.Engine;

namespace OvmsOta.Shell
{
    /// <summary>`ota commit` and `ota revert` (ours): confirm the image on trial, or go back to the previous one now.</summary>
    public sealed class TrialCommands
    {
        public const string NoWatchdogText = "Error: No commit watchdog on this module (the platform gives no reboot binding)";

        private readonly ModuleSlots _slots;
        private readonly Trial _trial;
        private readonly InstallLock _lock;

        public TrialCommands(ModuleSlots slots, Trial trial, InstallLock installLock)
        {
            _slots = slots;
            _trial = trial;
            _lock = installLock;
        }

        public void Commit(IShellOutput output)
        {
            CommitWatchdog watchdog = _trial.Watchdog;
            if (watchdog == null)
            {
                output.WriteLine(NoWatchdogText);
                return;
            }
            if (!ShellLock.TryEnter(_lock, output))
                return;
            try
            {
                string slot = _slots.Running.Label;
                if (watchdog.Commit())
                {
                    output.WriteLine("Image on " + slot + " committed: it stays the boot image");
                    _trial.Committed();
                }
                else
                    output.WriteLine("Error: The image on " + slot + " is not on trial - nothing to commit");
            }
            finally
            {
                _lock.Exit();
            }
        }

        public void Revert(IShellOutput output)
        {
            CommitWatchdog watchdog = _trial.Watchdog;
            if (watchdog == null)
            {
                output.WriteLine(NoWatchdogText);
                return;
            }
            if (!ShellLock.TryEnter(_lock, output))
                return;
            try
            {
                if (!watchdog.IsOnTrial)
                {
                    output.WriteLine("Error: The image on " + _slots.Running.Label + " is not on trial - nothing to revert"
                        + " (use ota boot to choose another partition)");
                    return;
                }
                output.WriteLine("Reverting the image on " + _slots.Running.Label + ": restarting into the previous image...");
                watchdog.Revert();
            }
            finally
            {
                _lock.Exit();
            }
        }
    }
}

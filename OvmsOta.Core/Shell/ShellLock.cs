using OvmsOta.Engine;

namespace OvmsOta.Shell
{
    /// <summary>The shell's way to take the install lock: take it, or print OVMS's busy line.</summary>
    public static class ShellLock
    {
        /// <summary>Takes the lock, or prints <see cref="InstallLock.BusyText"/> and returns false.</summary>
        public static bool TryEnter(InstallLock installLock, IShellOutput output)
        {
            if (installLock.TryEnter())
                return true;
            output.WriteLine(InstallLock.BusyText);
            return false;
        }
    }
}

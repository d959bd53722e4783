namespace OvmsOta.Engine
{
    /// <summary>
    /// Where an install run's texts go: printed by the shell (`ota flash vfs|http`), logged by the automatic update.
    /// Step lines are the shell's texts; a failure comes as an <see cref="InstallFailure"/> each narrator formats.
    /// </summary>
    public interface IInstallNarrator
    {
        /// <summary>A step or result line ("Expected file size is 123").</summary>
        void Line(string text);

        /// <summary>The run failed; nothing more is told after this.</summary>
        void Failed(InstallFailure failure);

        /// <summary>More bytes arrived: received of expected.</summary>
        void Progress(int received, int expected);
    }
}

namespace OvmsOta.Engine
{
    /// <summary>
    /// Where a flash run's texts go: printed by the shell (`ota flash vfs|http`), logged with "AutoFlash: " by the
    /// automatic update. The texts are the shell's; a narrator may reword the prefix.
    /// </summary>
    public interface IInstallNarrator
    {
        /// <summary>A step or result line ("Expected file size is 123").</summary>
        void Line(string text);

        /// <summary>A failure, in the shell's words ("Error: ..."), and what exactly went wrong (may be null).</summary>
        void Error(string text, string detail);

        /// <summary>More bytes arrived: received of expected.</summary>
        void Progress(int received, int expected);
    }
}

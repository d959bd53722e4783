namespace OvmsOta.Shell
{
    /// <summary>Where a command's text goes: the module console, a web or SSH shell, a test transcript.</summary>
    public interface IShellOutput
    {
        /// <summary>Text without a line end (OVMS prints a few errors that way).</summary>
        void Write(string text);

        /// <summary>One line; the writer adds the line end.</summary>
        void WriteLine(string line);
    }
}

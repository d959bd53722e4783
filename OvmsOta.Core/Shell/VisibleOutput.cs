using OvmsOta.Ports;

namespace OvmsOta.Shell
{
    /// <summary>
    /// What a shell command prints, through <see cref="VisibleText"/>: a .ver's version and changelog, an image's
    /// version or a server's message reach the terminal (or TCP client) with their control characters made visible.
    /// </summary>
    internal sealed class VisibleOutput : IShellOutput
    {
        private readonly IShellOutput _output;

        public VisibleOutput(IShellOutput output)
        {
            _output = output;
        }

        public void Write(string text)
        {
            _output.Write(VisibleText.Of(text));
        }

        public void WriteLine(string line)
        {
            _output.WriteLine(VisibleText.Of(line));
        }
    }
}

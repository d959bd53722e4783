using System.Text;
using OvmsOta.Ports;
using OvmsOta.Shell;

namespace OvmsOta.Rpc
{
    /// <summary>
    /// The lines of an update run over RPC, kept for OTA.Status (bounded: the first <see cref="MaxLength"/> characters),
    /// and its "Error: ..." lines with their indented causes apart.
    /// </summary>
    internal sealed class OutcomeLines : IShellOutput
    {
        public const int MaxLength = 2048;

        private readonly StringBuilder _text = new StringBuilder();
        private readonly StringBuilder _errors = new StringBuilder();
        private bool _inError;

        public void Write(string text)
        {
            WriteLine(text);
        }

        public void WriteLine(string line)
        {
            // Server and image texts: control characters shown, as the shell shows them.
            line = VisibleText.Of(line);
            // "Downloading... N%" lines would push the result out of the bounded text: the status shows progress.
            if (line.StartsWith("Downloading... "))
                return;
            if (_text.Length + line.Length < MaxLength)
                _text.Append(line).Append('\n');
            _inError = line.StartsWith("Error: ") || (_inError && line.StartsWith("  "));
            if (_inError && _errors.Length + line.Length < MaxLength)
                _errors.Append(line).Append('\n');
        }

        public string Text { get { return _text.ToString(); } }

        public string Errors { get { return _errors.ToString(); } }
    }
}

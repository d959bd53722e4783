using System.Collections;
using System.Text;
using OvmsOta.Shell;

namespace OvmsOta.Simulation
{
    /// <summary>An output that keeps every line, for tests, the web shell and the HTTP push endpoint.</summary>
    public sealed class ShellTranscript : IShellOutput
    {
        private readonly ArrayList _lines = new ArrayList();
        private string _partial = string.Empty;

        public void Write(string text)
        {
            _partial = _partial + text;
        }

        public void WriteLine(string line)
        {
            _lines.Add(_partial + line);
            _partial = string.Empty;
        }

        /// <summary>Complete lines, plus a last unterminated one when there is one.</summary>
        public string[] Lines
        {
            get
            {
                int count = _lines.Count + (_partial.Length > 0 ? 1 : 0);
                string[] lines = new string[count];
                for (int i = 0; i < _lines.Count; i++)
                    lines[i] = (string)_lines[i];
                if (_partial.Length > 0)
                    lines[count - 1] = _partial;
                return lines;
            }
        }

        /// <summary>All lines joined with "\n".</summary>
        public string Text
        {
            get
            {
                StringBuilder text = new StringBuilder();
                string[] lines = Lines;
                for (int i = 0; i < lines.Length; i++)
                {
                    if (i > 0)
                        text.Append("\n");
                    text.Append(lines[i]);
                }
                return text.ToString();
            }
        }

        public void Clear()
        {
            _lines.Clear();
            _partial = string.Empty;
        }
    }
}

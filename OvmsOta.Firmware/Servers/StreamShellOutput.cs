using System;
using System.IO;
using System.Text;
using OvmsOta.Shell;

namespace OvmsOta.Firmware.Servers
{
    /// <summary>
    /// Shell output to a connection, lines ended with CR LF. A client that goes away must not abort the command it
    /// started (an `ota flash` runs to its end): after the first failed write the rest is dropped.
    /// </summary>
    public sealed class StreamShellOutput : IShellOutput
    {
        private const string LineEnd = "\r\n";

        private readonly Stream _stream;
        private bool _broken;

        public StreamShellOutput(Stream stream)
        {
            _stream = stream;
        }

        /// <summary>True once a write failed (the client is gone).</summary>
        public bool Broken { get { return _broken; } }

        public void Write(string text)
        {
            if (_broken || text == null || text.Length == 0)
                return;
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            try
            {
                _stream.Write(bytes, 0, bytes.Length);
            }
            catch (Exception)
            {
                _broken = true;
            }
        }

        public void WriteLine(string line)
        {
            Write(line == null ? LineEnd : line + LineEnd);
        }
    }
}

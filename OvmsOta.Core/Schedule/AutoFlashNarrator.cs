using OvmsOta.Engine;
using OvmsOta.Ports;

namespace OvmsOta.Schedule
{
    /// <summary>
    /// The automatic update's narrator: nothing is printed, every text goes to the log. Failures are the shell's texts
    /// with "Error: " replaced by "AutoFlash: " (OVMS's auto-flash wording); the too-small refusal keeps "Error: ".
    /// Progress is logged as "&lt;status&gt; N%" each time the tens digit of the percentage changes, as OVMS logs it.
    /// </summary>
    internal sealed class AutoFlashNarrator : IInstallNarrator
    {
        private const string ErrorPrefix = "Error: ";
        private readonly IOtaLog _log;
        private readonly string _status;
        private int _lastTens;

        public AutoFlashNarrator(IOtaLog log, string status)
        {
            _log = log;
            _status = status;
        }

        public void Line(string text)
        {
            _log.Info(text);
        }

        public void Error(string text, string detail)
        {
            bool keep = text.IndexOf("target partition too small") >= 0;
            string line = !keep && text.StartsWith(ErrorPrefix) ? "AutoFlash: " + text.Substring(ErrorPrefix.Length) : text;
            _log.Error(line);
            if (detail != null && detail.Length > 0)
                _log.Error("AutoFlash: " + detail);
        }

        public void Progress(int received, int expected)
        {
            int tens = (int)((long)received * 10 / expected);
            if (tens == _lastTens)
                return;
            _lastTens = tens;
            _log.Info(_status + " " + (tens * 10).ToString() + "%");
        }
    }
}

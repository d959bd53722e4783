using OvmsOta.Engine;
using OvmsOta.Ports;

namespace OvmsOta.Schedule
{
    /// <summary>
    /// The automatic update's narrator: nothing is printed, every text goes to the log. Failures are the shell's texts
    /// with "AutoFlash: " instead of "Error: " (OVMS's auto-flash wording); the too-small refusal keeps "Error: ".
    /// Progress is logged as "&lt;status&gt; N%" each time the tens digit of the percentage changes, as OVMS logs it.
    /// </summary>
    internal sealed class AutoFlashNarrator : IInstallNarrator
    {
        private readonly IOtaLog _log;
        private readonly string _status;
        private readonly string _prefix;
        private int _lastTens;

        public AutoFlashNarrator(IOtaLog log, string status)
            : this(log, status, "AutoFlash: ")
        {
        }

        /// <summary>prefix: "AutoFlash: " (nightly job) or "AutoFlashSD: " (the SD card at boot).</summary>
        public AutoFlashNarrator(IOtaLog log, string status, string prefix)
        {
            _log = log;
            _status = status;
            _prefix = prefix;
        }

        public void Line(string text)
        {
            _log.Info(text);
        }

        public void Failed(InstallFailure failure)
        {
            // OVMS's auto flash logs the capacity refusal with the shell's words; every later step as "AutoFlash: ...".
            _log.Error(failure.Step == InstallFailure.Capacity ? failure.ShellText : _prefix + failure.Text);
            string detail = failure.Detail;
            if (detail != null && detail.Length > 0)
                _log.Error(_prefix + detail);
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

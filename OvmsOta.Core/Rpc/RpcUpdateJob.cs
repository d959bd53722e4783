using System.Threading;
using OvmsOta.Engine;
using OvmsOta.Ports;
using OvmsOta.Shell;

namespace OvmsOta.Rpc
{
    /// <summary>
    /// OTA.Update's work: `ota flash http` (OVMS's checks and texts, the one install lock, the announced-version check
    /// without a URL) on the background runner, so the one-connection HTTP port stays free for OTA.Status polls while
    /// the image downloads. Keeps the last run's outcome for OTA.Status. As `ota flash http`, it does not restart.
    /// </summary>
    public sealed class RpcUpdateJob
    {
        public const string None = "none";
        public const string Running = "running";
        public const string Done = "done";
        public const string Failed = "failed";

        private readonly FlashCommands _flash;
        private readonly IBackgroundRunner _background;
        private int _running;
        private string _state = None;
        private string _source = string.Empty;
        private string _text = string.Empty;
        private string _error = string.Empty;
        private string _url;
        private int _commitTimeout;

        public RpcUpdateJob(FlashCommands flash, IBackgroundRunner background)
        {
            _flash = flash;
            _background = background;
        }

        /// <summary>True while a run is under way.</summary>
        public bool IsRunning { get { return _running != 0; } }

        /// <summary>Starts a run of url (null or empty: the update server's image); false when one is running already.</summary>
        public bool Start(string url, int commitTimeoutSeconds)
        {
            if (Interlocked.CompareExchange(ref _running, 1, 0) != 0)
                return false;
            _url = url;
            _commitTimeout = commitTimeoutSeconds;
            _source = url == null || url.Length == 0 ? "update server" : url;
            _text = string.Empty;
            _error = string.Empty;
            _state = Running;
            _background.Start(new ThreadStart(Run));
            return true;
        }

        private void Run()
        {
            OutcomeLines lines = new OutcomeLines();
            bool ok = false;
            try
            {
                ok = _flash.Http(_url, false, lines, _commitTimeout);
            }
            finally
            {
                _text = lines.Text;
                _error = ok ? string.Empty : (lines.Errors.Length > 0 ? lines.Errors : "Error: the update stopped");
                _state = ok ? Done : Failed;
                Interlocked.Exchange(ref _running, 0);
            }
        }

        /// <summary>The last run for OTA.Status.</summary>
        public UpdateOutcome Outcome()
        {
            UpdateOutcome outcome = new UpdateOutcome();
            outcome.state = _state;
            outcome.source = _source;
            outcome.text = _text;
            outcome.error = _error;
            return outcome;
        }
    }
}

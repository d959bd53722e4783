using OvmsOta.Ports;

namespace OvmsOta.Engine
{
    /// <summary>
    /// The engine's log and notifier: every text passes through <see cref="VisibleText"/> on its way to the
    /// platform's, so a version, changelog or server message logged or notified cannot carry escape sequences to the
    /// terminals and clients that show the log.
    /// </summary>
    internal sealed class VisibleLog : IOtaLog, INotifier
    {
        private readonly IOtaLog _log;
        private readonly INotifier _notifier;

        public VisibleLog(IOtaLog log, INotifier notifier)
        {
            _log = log;
            _notifier = notifier;
        }

        public void Info(string text)
        {
            _log.Info(VisibleText.Of(text));
        }

        public void Warning(string text)
        {
            _log.Warning(VisibleText.Of(text));
        }

        public void Error(string text)
        {
            _log.Error(VisibleText.Of(text));
        }

        public void Info(string subtype, string text)
        {
            _notifier.Info(VisibleText.Of(subtype), VisibleText.Of(text));
        }

        public void Alert(string subtype, string text)
        {
            _notifier.Alert(VisibleText.Of(subtype), VisibleText.Of(text));
        }
    }
}

using OvmsOta.Ports;

namespace OvmsOta.Engine
{
    /// <summary>The log and notification sinks used when the platform gives none.</summary>
    internal sealed class Silent : IOtaLog, INotifier
    {
        public void Info(string text) { }
        public void Warning(string text) { }
        public void Error(string text) { }
        public void Info(string subtype, string text) { }
        public void Alert(string subtype, string text) { }
    }
}

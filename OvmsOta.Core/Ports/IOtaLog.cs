namespace OvmsOta.Ports
{
    /// <summary>The module log; every line carries OVMS's log tag "ota", which the sink adds.</summary>
    public interface IOtaLog
    {
        void Info(string text);
        void Warning(string text);
        void Error(string text);
    }
}

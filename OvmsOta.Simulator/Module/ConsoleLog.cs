using OvmsOta.Ports;

namespace OvmsOta.Simulator.Module;

/// <summary>
/// The engine's log and notifications on the module's console, as OVMS shows them over USB: log lines in
/// ESP-IDF's form `I (ms) ota: text` (module milliseconds, so scripted runs give the same lines every time),
/// notifications as `Notify info ota.update: text`.
/// </summary>
public sealed class ConsoleLog(TextWriter output, SimClock clock) : IOtaLog, INotifier
{
    public void Info(string text) => Log('I', text);

    public void Warning(string text) => Log('W', text);

    public void Error(string text) => Log('E', text);

    public void Info(string subtype, string text) => Notify("info", subtype, text);

    public void Alert(string subtype, string text) => Notify("alert", subtype, text);

    void Log(char level, string text) => Write(level + " (" + clock.Milliseconds + ") ota: " + text);

    void Notify(string type, string subtype, string text) => Write("Notify " + type + " " + subtype + ": " + text);

    void Write(string line)
    {
        lock (output)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }
}

using OvmsOta.Shell;

namespace OvmsOta.Simulator.Module;

/// <summary>Shell output to a TextWriter, flushed per line so a watching user or pipe sees progress as it happens.</summary>
public class WriterShellOutput(TextWriter writer) : IShellOutput
{
    public virtual void Write(string text)
    {
        writer.Write(text);
        writer.Flush();
    }

    public virtual void WriteLine(string line)
    {
        writer.WriteLine(line);
        writer.Flush();
    }
}

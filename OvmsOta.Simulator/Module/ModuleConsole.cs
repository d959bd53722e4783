using System.Globalization;
using OvmsOta.Shell;

namespace OvmsOta.Simulator.Module;

/// <summary>
/// The simulated module's console: runs one line at a time. Besides the engine's shell it knows `module reset`
/// (reboot as OVMS does), `wait SECONDS` (time passes: virtual in scripted runs, so deadlines can be scripted;
/// real when interactive) and `exit`. In scripted runs each command is echoed as "OVMS# cmd" before its
/// output, so the transcript reads like a session; lines starting with '#' are comments.
/// </summary>
public sealed class ModuleConsole(SimulatedModule module, TextWriter output, IShellOutput shellOutput, bool echo, bool progressBar = false)
{
    /// <summary>Longest wait accepted: a week of module time.</summary>
    public const int MaxWaitSeconds = 7 * 24 * 3600;

    /// <summary>Runs one line; false when it was `exit` (or `quit`).</summary>
    public bool Run(string line)
    {
        string command = line.Trim();
        if (command.Length == 0 || command.StartsWith('#'))
            return true;
        if (echo)
            WriteLine("OVMS# " + command);
        if (command is "exit" or "quit")
            return false;
        try
        {
            Dispatch(command);
        }
        catch (ModuleRebootException e)
        {
            Reboot(e.Message);
        }
        return true;
    }

    void Dispatch(string command)
    {
        string[] words = command.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words is ["module", "reset"])
            Reboot(null);
        else if (words[0] == "wait")
            Wait(words);
        else if (progressBar && words is ["ota", "flash", ..])
            TerminalShellOutput.WithProgressBar(command, () => module.Execute(command, shellOutput), () => module.Module.Engine.Installer.Status.Percent);
        else
            module.Execute(command, shellOutput);
    }

    /// <summary>Restarts the module (reason null for `module reset`) and prints what the boot found.</summary>
    public void Reboot(string? reason)
    {
        WriteLine(reason == null ? "Rebooting..." : "Rebooting: " + reason);
        module.PowerOn(WriteLine);
    }

    void Wait(string[] words)
    {
        if (words.Length != 2 || !double.TryParse(words[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds)
            || !double.IsFinite(seconds) || seconds < 0 || seconds > MaxWaitSeconds)
        {
            WriteLine("Usage: wait <seconds> (0 to " + MaxWaitSeconds + ")");
            return;
        }
        long remaining = (long)(seconds * 1000);
        // One-second steps, each followed by the watchdog's check, as its periodic tick would run.
        while (remaining > 0)
        {
            long step = Math.Min(1000, remaining);
            if (module.Clock.IsVirtual)
                module.Clock.Advance(step);
            else
                Thread.Sleep((int)step);
            remaining -= step;
            try
            {
                module.Tick();
            }
            catch (ModuleRebootException e)
            {
                Reboot(e.Message);
            }
        }
    }

    void WriteLine(string line)
    {
        output.WriteLine(line);
        output.Flush();
    }
}

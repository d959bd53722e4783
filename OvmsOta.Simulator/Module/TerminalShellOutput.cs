using Spectre.Console;

namespace OvmsOta.Simulator.Module;

/// <summary>
/// Shell output on an interactive terminal: through Spectre.Console, so lines printed while a progress bar is
/// shown land above it; OVMS's "Downloading... N% (X bytes so far)" lines are left out, the bar shows that.
/// </summary>
public sealed class TerminalShellOutput() : WriterShellOutput(Console.Out)
{
    public const string ProgressPrefix = "Downloading... ";

    public override void Write(string text) => AnsiConsole.Write(new Text(text));

    public override void WriteLine(string line)
    {
        if (line.StartsWith(ProgressPrefix, StringComparison.Ordinal))
            return;
        AnsiConsole.WriteLine(line);
    }

    /// <summary>Runs work (a flash command) on a worker thread while a bar follows percent() (the engine's flash status).</summary>
    public static void WithProgressBar(string title, Action work, Func<int> percent)
    {
        Exception? failure = null;
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                ProgressTask task = context.AddTask(title, maxValue: 100);
                var worker = new Thread(() =>
                {
                    try
                    {
                        work();
                    }
                    catch (Exception e)
                    {
                        failure = e;
                    }
                }) { IsBackground = true, Name = "ovmsota flash" };
                worker.Start();
                while (!worker.Join(100))
                    task.Value = percent();
                task.Value = percent() > 0 ? percent() : task.Value;
                task.StopTask();
            });
        if (failure != null)
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
    }
}

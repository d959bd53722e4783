using System.CommandLine;
using OvmsOta.UpdateServer;
using OvmsOta.Simulator.UpdateServer;

namespace OvmsOta.Simulator.Commands;

/// <summary>`ovmsota serve DIR [--bind ADDR:PORT]`: the update server alone, for real modules on a LAN.</summary>
public static class ServeCommand
{
    /// <summary>The verb; it serves until Ctrl+C, the process ending, or stop (tests) is cancelled.</summary>
    public static Command Create(TextWriter output, TextWriter error, CancellationToken stop = default)
    {
        var dir = new Argument<string>("dir") { Description = "Folder with the OVMS tree: <product>/<tag>/ovms3.bin and ovms3.ver" };
        var bind = new Option<string>("--bind")
        {
            Description = "Address and port to listen on (only there); 0.0.0.0:8080 for every interface",
            DefaultValueFactory = _ => UpdateServerHost.DefaultBind,
        };
        var command = new Command("serve", "Serve firmware images and .ver files to OVMS modules over HTTP");
        command.Arguments.Add(dir);
        command.Options.Add(bind);
        command.SetAction(parseResult =>
        {
            UpdateServerHost server;
            try
            {
                server = UpdateServerHost.Start(parseResult.GetValue(dir)!, parseResult.GetValue(bind)!);
            }
            catch (Exception e) when (e is ArgumentException or IOException)
            {
                error.WriteLine("Error: " + e.Message);
                return 1;
            }
            using (server)
            {
                PrintHowToUse(output, server);
                WaitForStop(server, stop);
                output.WriteLine("Stopped.");
            }
            return 0;
        });
        return command;
    }

    static void PrintHowToUse(TextWriter output, UpdateServerHost server)
    {
        output.WriteLine("Serving " + server.RootDirectory + " at " + server.BaseUrl);
        output.WriteLine("On the module:  config set ota server " + server.OtaServerValue);
        output.WriteLine("Then e.g.:      ota status   (reads " + server.BaseUrl + "<product>/<tag>/" + UpdateUrl.VersionFileName + ")");
        output.WriteLine("Press Ctrl+C to stop.");
        output.Flush();
    }

    // Ctrl+C and SIGTERM reach the server through ASP.NET Core's console lifetime, which stops it.
    static void WaitForStop(UpdateServerHost server, CancellationToken stop)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stop, server.Stopping);
        either.Token.WaitHandle.WaitOne();
    }
}

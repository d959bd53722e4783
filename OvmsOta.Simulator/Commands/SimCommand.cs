using System.CommandLine;
using OvmsOta.Simulator.Signing;
using System.Security.Cryptography;
using OvmsOta.Config;
using OvmsOta.Push;
using OvmsOta.Simulator.Module;
using OvmsOta.Simulator.UpdateServer;

namespace OvmsOta.Simulator.Commands;

/// <summary>
/// `ovmsota sim`: an OVMS module on a desk. A flash image file (made on first use, as fresh from a USB flash)
/// boots through the bootloader model into the engine; an update server on 127.0.0.1 serves demo images newer
/// than the running one; the module's shell takes commands at an `OVMS# ` prompt, or from a script (--script,
/// or standard input when it is not a terminal) with each command echoed. A push endpoint listens on loopback.
/// </summary>
public static class SimCommand
{
    public const string DefaultFolder = "ovmsota-sim";

    /// <summary>input: where commands come from when there is no --script (null: the console).</summary>
    public static Command Create(TextWriter output, TextWriter error, TextReader? input = null)
    {
        var flash = new Option<string>("--flash") { Description = "flash image file (16 MB; created if absent)", DefaultValueFactory = _ => Path.Combine(DefaultFolder, "flash.bin") };
        var layout = new Option<string>("--layout") { Description = "partition layout of a new flash file: v3-35, factory (the old v3-30), or device (OvmsOta's own: ota_N paired with deploy_N, bundles)", DefaultValueFactory = _ => SimLayout.Modern };
        layout.AcceptOnlyFromAmong(SimLayout.Names);
        var serverDir = new Option<string>("--server-dir") { Description = "update server folder (demo images are published into it)", DefaultValueFactory = _ => Path.Combine(DefaultFolder, "server") };
        var port = new Option<int>("--port") { Description = "update server port on 127.0.0.1 (0: a free one)", DefaultValueFactory = _ => 0 };
        var pushPort = new Option<int>("--push-port") { Description = "push endpoint port on 127.0.0.1 (0: a free one)", DefaultValueFactory = _ => 0 };
        var script = new Option<string>("--script") { Description = "run the commands in FILE (one a line, # comments) and exit" };
        var signing = new Option<bool>("--signing")
        {
            Description = "require signed updates: a demo RSA-3072 key (demo-signing-key.pem next to the server folder) signs the server tree "
                + "and its digest goes into ota signing.keys; tags 'unsigned' and 'old' hold images the module refuses",
        };
        var command = new Command("sim", "Run a simulated OVMS module with its own update server: the whole update cycle on a desk");
        foreach (Option option in new Option[] { flash, layout, serverDir, port, pushPort, script, signing })
            command.Options.Add(option);
        command.SetAction(parse =>
        {
            var settings = new SimSettings(parse.GetValue(flash)!, parse.GetValue(layout)!, parse.GetValue(serverDir)!,
                parse.GetValue(port), parse.GetValue(pushPort), parse.GetValue(script), parse.GetValue(signing));
            try
            {
                return Run(settings, output, error, input);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or PublishException or ModuleDeadException
                or System.Net.Sockets.SocketException or ArgumentException or InvalidDataException)
            {
                error.WriteLine("Error: " + e.Message);
                return 1;
            }
        });
        return command;
    }

    static int Run(SimSettings settings, TextWriter output, TextWriter error, TextReader? input)
    {
        bool console = input == null;
        bool scripted = settings.Script != null || !console || Console.IsInputRedirected;
        if (settings.Script != null && !File.Exists(settings.Script))
            throw new FileNotFoundException("script " + settings.Script + " not found");
        TextReader commands = settings.Script != null ? File.OpenText(settings.Script) : input ?? Console.In;
        bool terminal = !scripted && ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;

        using var flashFile = FlashImageFile.OpenOrCreate(settings.FlashPath, settings.Layout, DemoTree.InitialVersion);
        ModuleConsole? moduleConsole = null;
        // A script's module day starts at noon, so `wait` reaches the nightly hour at the same point in every run.
        DateTime start = scripted ? DateTime.Today.AddHours(12) : DateTime.Now;
        using var module = new SimulatedModule(flashFile, new SimClock(scripted, start), scripted,
            reason => RebootFromBackground(moduleConsole, output, reason), output);
        module.PowerOn(line => output.WriteLine(line));
        Directory.CreateDirectory(settings.ServerDir);
        using EspSigningKey? demoKey = settings.Signing ? DemoKey(settings.ServerDir) : null;
        if (module.Module.Engine.Slots.DeployFor(module.Module.Engine.Slots.NextTarget()) != null)
            DemoTree.EnsureBundles(settings.ServerDir, module.Module.Engine.Server.Product, demoKey);
        else
            DemoTree.Ensure(settings.ServerDir, module.Module.Engine.Server.Product, demoKey);
        if (demoKey != null)
        {
            module.Configure(ConfigParams.SigningKeys, demoKey.DigestHex);
            output.WriteLine("Signing required: ota signing.keys " + demoKey.DigestHex + " (demo key " + DemoKeyPath(settings.ServerDir) + ")");
        }
        using var server = UpdateServerHost.Start(settings.ServerDir, "127.0.0.1:" + settings.Port);
        module.Configure(ConfigParams.Server, server.OtaServerValue);
        if (module.Module.Engine.Config.PushSecret.Length == 0)
            module.Configure(ConfigParams.PushSecret, Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant());
        using var push = PushListener.Start(settings.PushPort, module.ServeHttp, scripted ? null : output);

        if (!scripted)
            PrintBanner(output, flashFile, server, push, module.Module.Engine.Config.PushSecret);
        var shellOutput = terminal ? new TerminalShellOutput() : new WriterShellOutput(output);
        moduleConsole = new ModuleConsole(module, output, shellOutput, echo: scripted, progressBar: terminal);
        if (scripted)
            RunScript(moduleConsole, commands);
        else
            RunInteractive(moduleConsole, module, commands, output);
        if (settings.Script != null)
            commands.Dispose();
        return 0;
    }

    static void PrintBanner(TextWriter output, FlashImageFile flashFile, UpdateServerHost server, PushListener push, string secret)
    {
        output.WriteLine("OvmsOta simulated OVMS module" + (flashFile.Created ? " (new flash file)" : "") + ": flash " + flashFile.Path);
        output.WriteLine("Update server " + server.BaseUrl + " (" + server.RootDirectory + "), set as 'ota server'");
        output.WriteLine("Web page " + push.PageUrl + " (RPC: curl -H 'Authorization: " + PushEndpoint.AuthorizationValue(secret)
            + "' -d '{\"commit_timeout\":300}' " + push.PageUrl + "rpc/OTA.Update)");
        output.WriteLine("Push endpoint " + push.Url + "  e.g. curl -H 'Authorization: " + PushEndpoint.AuthorizationValue(secret)
            + "' -F commit_timeout=300 -F file=@ovms3.bin '" + push.Url + "?size=<bytes>'");
        output.WriteLine("Try: ota status, config set ota tag edge, ota flash http, module reset, ota status, ota commit. exit leaves.");
        output.WriteLine("A new image confirms itself once the update server answers; 'config set ota commit.auto no' and 'wait 601' show the rollback.");
        output.Flush();
    }

    static void RunScript(ModuleConsole console, TextReader commands)
    {
        string? line;
        while ((line = commands.ReadLine()) != null)
        {
            if (!console.Run(line))
                return;
        }
    }

    static void RunInteractive(ModuleConsole console, SimulatedModule module, TextReader commands, TextWriter output)
    {
        // The watchdog's periodic check, as the module's housekeeping ticker runs it.
        using var ticker = new Timer(_ =>
        {
            try
            {
                module.TickIfIdle(); // never waits behind a running command: ticks must not pile up
            }
            catch (ModuleRebootException e)
            {
                RebootFromBackground(console, output, e.Message);
            }
        }, null, 1000, 1000);
        while (true)
        {
            output.Write("OVMS# ");
            output.Flush();
            string? line = commands.ReadLine();
            if (line == null || !console.Run(line))
                return;
        }
    }

    /// <summary>A restart from the watchdog ticker or a background job while the prompt waits for input.</summary>
    static void RebootFromBackground(ModuleConsole? console, TextWriter output, string reason)
    {
        if (console == null)
            return;
        output.WriteLine();
        console.Reboot(reason);
        output.Write("OVMS# ");
        output.Flush();
    }

    sealed record SimSettings(string FlashPath, string Layout, string ServerDir, int Port, int PushPort, string? Script, bool Signing);

    static string DemoKeyPath(string serverDir) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(serverDir)) ?? ".", "demo-signing-key.pem");

    /// <summary>The demo signing key next to the server folder, made on first use (a test key: never for real modules).</summary>
    static EspSigningKey DemoKey(string serverDir)
    {
        string path = DemoKeyPath(serverDir);
        if (File.Exists(path))
            return EspSigningKey.Load(path);
        EspSigningKey key = EspSigningKey.Generate();
        File.WriteAllText(path, key.PrivatePem() + "\n");
        return key;
    }
}

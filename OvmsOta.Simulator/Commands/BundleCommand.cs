using System.CommandLine;
using OvmsOta.Bundle;
using OvmsOta.Simulation;
using OvmsOta.Simulator.Bundles;
using OvmsOta.Simulator.Json;
using OvmsOta.Simulator.Signing;

namespace OvmsOta.Simulator.Commands;

/// <summary>`ovmsota bundle make|sign|info|demo`: firmware bundles (fw.zip) for OvmsOta's device layout.</summary>
public static class BundleCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("bundle", "Firmware bundles (fw.zip): nanoCLR and the managed deployment, installed as one pair");
        command.Subcommands.Add(Make(output, error));
        command.Subcommands.Add(Sign(output, error));
        command.Subcommands.Add(Info(output, error));
        command.Subcommands.Add(Demo(output, error));
        return command;
    }

    static Command Make(TextWriter output, TextWriter error)
    {
        var app = new Option<string>("--app") { Description = "nanoCLR ESP32 app image (NANOCLR.bin)", Required = true };
        var deploy = new Option<string>("--deploy") { Description = "the deployment: .pe assemblies back to back (DEPLOY.bin)", Required = true };
        var version = new Option<string>("--version") { Description = "bundle version (OVMS style, compared with strverscmp)", Required = true };
        var product = new Option<string>("--product") { Description = "product the bundle is for", DefaultValueFactory = _ => "ovmsota-device" };
        var native = new Option<string[]>("--native") { Description = "a native library the nanoCLR provides, NAME=0xCHECKSUM (repeat)", AllowMultipleArgumentsPerToken = false };
        var deflate = new Option<bool>("--deflate") { Description = "deflate app.bin and deploy.bin (needs a module with the deflate decoder; stored by default)" };
        var outputPath = new Option<string>("-o", "--output") { Description = "bundle file to write", Required = true };
        var command = new Command("make", "Write fw.zip: manifest.json first, then app.bin and deploy.bin, stored (or deflated)");
        foreach (Option option in new Option[] { app, deploy, version, product, native, deflate, outputPath })
            command.Options.Add(option);
        command.SetAction(parse =>
        {
            try
            {
                string appPath = parse.GetValue(app)!, deployPath = parse.GetValue(deploy)!, target = parse.GetValue(outputPath)!;
                string[] natives = parse.GetValue(native) ?? [];
                BundleManifest manifest = BundleFiles.Make(File.ReadAllBytes(appPath), File.ReadAllBytes(deployPath), parse.GetValue(version)!,
                    parse.GetValue(product)!, natives.Length == 0 ? null : natives.Select(BundleFiles.ParseNative).ToArray(), target, appPath, deployPath,
                    parse.GetValue(deflate));
                output.WriteLine("Wrote " + target + " (" + new FileInfo(target).Length + " bytes): " + manifest.Name + " " + manifest.Version);
                foreach (var assembly in manifest.Parts.Deploy.Assemblies)
                    output.WriteLine("  " + assembly.Name + " " + assembly.Version + ", native checksum " + assembly.NativeChecksum);
                return 0;
            }
            catch (Exception e) when (e is BundleException or IOException or InvalidDataException or ArgumentException or UnauthorizedAccessException)
            {
                error.WriteLine("Error: " + e.Message);
                return 1;
            }
        });
        return command;
    }

    static Command Sign(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("file") { Description = "bundle (fw.zip)" };
        var key = new Option<string>("--key") { Description = "private key PEM (RSA-3072, as espsecure generate-signing-key writes)", Required = true };
        var outputPath = new Option<string>("-o", "--output") { Description = "signed bundle file to write", Required = true };
        var command = new Command("sign", "Sign a bundle's manifest: add manifest.sig (a Secure Boot V2 block over manifest.json's SHA-256) after manifest.json");
        command.Arguments.Add(file);
        command.Options.Add(key);
        command.Options.Add(outputPath);
        command.SetAction(parse =>
        {
            string path = parse.GetValue(file)!, target = parse.GetValue(outputPath)!;
            try
            {
                using EspSigningKey signer = EspSigningKey.Load(parse.GetValue(key)!);
                int blocks = BundleSigner.Sign(path, target, signer);
                output.WriteLine("Signed the manifest of " + path + " with key " + signer.DigestHex + "; " + ManifestReader.SignatureEntryName
                    + " has " + blocks + " block(s); wrote " + target + " (" + new FileInfo(target).Length + " bytes)");
                return 0;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException or UnauthorizedAccessException)
            {
                error.WriteLine("Error: bundle sign: " + e.Message);
                return 1;
            }
        });
        return command;
    }

    static Command Info(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("file") { Description = "bundle (fw.zip)" };
        var command = new Command("info", "A bundle's manifest, each part's size and hash, valid or the first reason not");
        command.Arguments.Add(file);
        command.SetAction(parse =>
        {
            string path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                error.WriteLine("Error: " + path + ": no such file");
                return 1;
            }
            BundleInspection inspection = BundleInspection.Of(path);
            if (inspection.Manifest != null)
                output.WriteLine(new SystemTextJsonCodec().ToJson(inspection.Manifest));
            foreach (string part in inspection.Parts)
                output.WriteLine(part);
            inspection.WriteSignature(output);
            output.WriteLine(inspection.Valid ? "Valid bundle" : "Invalid bundle: " + inspection.Failure);
            return inspection.Valid ? 0 : 1;
        });
        return command;
    }

    static Command Demo(TextWriter output, TextWriter error)
    {
        var folder = new Argument<string>("folder") { Description = "where to write NANOCLR.bin and DEPLOY.bin" };
        var version = new Option<string>("--version") { Description = "version of the demo app image", DefaultValueFactory = _ => "3.3.006-1-gdemo" };
        var command = new Command("demo", "Write demo inputs for `bundle make`: an ESP32 app image and a deployment of synthetic .pe-like assemblies");
        command.Arguments.Add(folder);
        command.Options.Add(version);
        command.SetAction(parse =>
        {
            string dir = parse.GetValue(folder)!;
            Directory.CreateDirectory(dir);
            BundleBuilder demo = BundleBuilder.Demo(parse.GetValue(version)!, 200 * 1024, 4096);
            File.WriteAllBytes(Path.Combine(dir, "NANOCLR.bin"), demo.App);
            File.WriteAllBytes(Path.Combine(dir, "DEPLOY.bin"), demo.Deploy);
            output.WriteLine("Wrote " + Path.Combine(dir, "NANOCLR.bin") + " and " + Path.Combine(dir, "DEPLOY.bin")
                + " (synthetic assemblies: real headers and CRCs, no runnable code)");
            output.WriteLine("Its nanoCLR provides " + demo.Natives![0].Name + "=" + demo.Natives[0].Checksum);
            return 0;
        });
        return command;
    }
}

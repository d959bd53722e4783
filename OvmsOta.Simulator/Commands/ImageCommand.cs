using System.CommandLine;
using System.Globalization;
using OvmsOta.Image;
using OvmsOta.Simulation;
using OvmsOta.Simulator.Hashing;
using OvmsOta.Simulator.Images;
using OvmsOta.Simulator.Signing;

namespace OvmsOta.Simulator.Commands;

/// <summary>`ovmsota image info FILE` and `ovmsota image make`: read and make ESP32 app images.</summary>
public static class ImageCommand
{
    /// <summary>ESP-IDF refuses partitions above 16 MB, so no image can be longer.</summary>
    const int MaxPartitionSize = 0x1000000;

    /// <summary>The simulated module's chip revision, major * 100 + minor: ESP32 v3.0.</summary>
    const int ModuleChipRevision = 300;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var image = new Command("image", "ESP32 app images: show and check one, or make one for tests and the demo server");
        image.Subcommands.Add(Info(output, error));
        image.Subcommands.Add(Make(output, error));
        image.Subcommands.Add(SigningCommands.Sign(output, error));
        image.Subcommands.Add(SigningCommands.Verify(output, error));
        return image;
    }

    static Command Info(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("file") { Description = "app image (.bin) to read" };
        var partitionSize = new Option<string>("--partition-size")
        {
            Description = "size of the slot it must fit, e.g. 7M or 0x700000 (default 16M, ESP-IDF's limit)",
        };
        var info = new Command("info", "Print header, segments, checksum, SHA-256 and app description like esptool image-info; exit 1 if invalid");
        info.Arguments.Add(file);
        info.Options.Add(partitionSize);
        info.SetAction(parse =>
        {
            string path = parse.GetValue(file)!;
            if (!File.Exists(path))
                return Fail(error, $"{path}: no such file");
            int capacity = MaxPartitionSize;
            string? sizeText = parse.GetValue(partitionSize);
            if (sizeText != null && !TryParseSize(sizeText, out capacity))
                return Fail(error, $"--partition-size {sizeText}: expected bytes, e.g. 7M, 448K, 0x700000 or 7340032");
            try
            {
                using var stream = File.OpenRead(path);
                ImageInfo described = Validate(stream, capacity);
                // The OVMS marker lies inside the image: read only that much, on demand, whatever follows it.
                int imageBytes = (int)Math.Min(described.ImageLength, stream.Length);
                string? version = OvmsVersionReader.Read(new FileRangeFlash(stream, imageBytes), 0, imageBytes, new byte[4096]);
                output.WriteLine($"ovmsota image info {Path.GetFileName(path)}");
                ImageReport.Write(output, described, stream.Length, version);
                if (described.IsValid && stream.Length <= MaxPartitionSize)
                    SignatureReport.Write(output, SignedFile.Parse(File.ReadAllBytes(path)), null);
                if (!described.ChecksumValid && !described.HashValid)
                    return Fail(error, $"{path}: invalid image: checksum and SHA-256 both invalid; {Reason(described)}");
                described.ThrowIfInvalid();
            }
            catch (ImageException e)
            {
                return Fail(error, $"{path}: invalid image ({e.Reason}): {e.Message}");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Fail(error, $"{path}: cannot read: {e.Message}");
            }
            return 0;
        });
        return info;
    }

    /// <summary>Streams the file through the validator in 4 KB blocks, as the updater streams a download; stops at the image's end.</summary>
    static ImageInfo Validate(FileStream file, int capacity)
    {
        // Checked against the simulated module's chip (ESP32 v3.0, as on OVMS v3.1 hardware), as its updater checks.
        var validator = HostDigests.Validator();
        validator.ChipRevision = ModuleChipRevision;
        validator.Begin(capacity);
        var buffer = new byte[4096];
        int count;
        while (!validator.IsComplete && (count = file.Read(buffer, 0, buffer.Length)) > 0)
            validator.Feed(buffer, 0, count);
        return validator.Describe();
    }

    static Command Make(TextWriter output, TextWriter error)
    {
        var version = new Option<string>("--version", "-V") { Description = "app version (esp_app_desc_t and the OVMS marker)", Required = true };
        var project = new Option<string>("--project") { Description = "project name (default ovms3)" };
        var size = new Option<string>("--size") { Description = "approximate image size, e.g. 1M, 3500K, 0x100000 (default: smallest image)" };
        var idf = new Option<string>("--idf") { Description = "ESP-IDF version string (default v3.3.4)" };
        var date = new Option<string>("--date") { Description = "build date as __DATE__, e.g. \"Jan  1 2025\" (the default)" };
        var time = new Option<string>("--time") { Description = "build time as __TIME__, e.g. 12:00:00 (the default)" };
        var noMarker = new Option<bool>("--no-ovms-marker") { Description = "leave out the ########OVMS_PRE######## version marker" };
        var outFile = new Option<string>("--out", "-o") { Description = "image file to write", Required = true };
        var make = new Command("make", "Make a valid ESP32 app image (header, segments, checksum, SHA-256, app description); same inputs, same bytes");
        foreach (Option option in new Option[] { version, project, size, idf, date, time, noMarker, outFile })
            make.Options.Add(option);
        make.SetAction(parse =>
        {
            string versionText = parse.GetValue(version)!;
            if (string.IsNullOrWhiteSpace(versionText))
                return Fail(error, "image make: --version must not be empty (OVMS and `ota status` show it)");
            var builder = new ImageBuilder(versionText);
            builder.ProjectName = parse.GetValue(project) ?? builder.ProjectName;
            builder.IdfVersion = parse.GetValue(idf) ?? builder.IdfVersion;
            builder.Date = parse.GetValue(date) ?? builder.Date;
            builder.Time = parse.GetValue(time) ?? builder.Time;
            builder.OvmsMarker = !parse.GetValue(noMarker);
            string? sizeText = parse.GetValue(size);
            if (sizeText != null)
            {
                if (!TryParseSize(sizeText, out int bytes))
                    return Fail(error, $"--size {sizeText}: expected bytes, e.g. 1M, 3500K, 0x100000 or 1048576");
                builder.Size = bytes;
            }
            string path = parse.GetValue(outFile)!;
            // Built in memory first (16 MB at most): a refused input never touches the output path, and a failed
            // write never deletes what the path named (it may be a device such as /dev/full).
            var image = new MemoryStream();
            int length;
            try
            {
                length = builder.Write(image);
            }
            catch (ArgumentException e)
            {
                return Fail(error, $"image make: {e.Message}");
            }
            try
            {
                using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
                image.Position = 0;
                image.CopyTo(stream);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Fail(error, $"image make: cannot write {path}: {e.Message}");
            }
            output.WriteLine($"Wrote {path}: {length} bytes, version {builder.Version}, project {builder.ProjectName}");
            return 0;
        });
        return make;
    }

    /// <summary>Bytes as 1048576, 0x100000, 1024K or 1M.</summary>
    public static bool TryParseSize(string text, out int bytes)
    {
        bytes = 0;
        text = text.Trim();
        long multiplier = 1;
        if (text.EndsWith("K", StringComparison.OrdinalIgnoreCase)) multiplier = 1024;
        else if (text.EndsWith("M", StringComparison.OrdinalIgnoreCase)) multiplier = 1024 * 1024;
        if (multiplier != 1)
            text = text[..^1];
        bool parsed = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? long.TryParse(text[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out long value)
            : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        if (!parsed || value * multiplier <= 0 || value * multiplier > MaxPartitionSize)
            return false;
        bytes = (int)(value * multiplier);
        return true;
    }

    static string Reason(ImageInfo info)
    {
        try
        {
            info.ThrowIfInvalid();
            return "";
        }
        catch (ImageException e)
        {
            return e.Message;
        }
    }

    static int Fail(TextWriter error, string message)
    {
        error.WriteLine(message);
        return 1;
    }
}

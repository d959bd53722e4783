using System.CommandLine;
using OvmsOta.Simulator.UpdateServer;

namespace OvmsOta.Simulator.Commands;

/// <summary>`ovmsota publish FILE --server-dir DIR --product v3.3-5 --tag edge [--changelog TEXT]`.</summary>
public static class PublishCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("file") { Description = "app image (.bin) to publish" };
        var serverDir = new Option<string>("--server-dir") { Description = "root of the update server tree (as given to `ovmsota serve`)", Required = true };
        var product = new Option<string>("--product")
        {
            Description = "product folder: v3.3-5 for modules on the v3-35 layout, v3.3 for the old one",
            DefaultValueFactory = _ => "v3.3-5",
        };
        var tag = new Option<string>("--tag") { Description = "channel folder: main, eap or edge", DefaultValueFactory = _ => "main" };
        var changelog = new Option<string>("--changelog") { Description = "text after the version in ovms3.ver (ota status prints it)" };
        var command = new Command("publish", "Validate an image and put it into an update server tree as <product>/<tag>/ovms3.bin with its ovms3.ver");
        command.Arguments.Add(file);
        foreach (Option option in new Option[] { serverDir, product, tag, changelog })
            command.Options.Add(option);
        command.SetAction(parse =>
        {
            try
            {
                PublishedImage published = ImagePublisher.Publish(parse.GetValue(file)!, parse.GetValue(serverDir)!,
                    parse.GetValue(product)!, parse.GetValue(tag)!, parse.GetValue(changelog));
                output.WriteLine("Published " + OvmsOta.Ports.VisibleText.Of(published.Version) + " (" + published.Length + " bytes)");
                output.WriteLine("  " + published.ImagePath);
                if (published.CompressedLength > 0)
                    output.WriteLine("  " + published.CompressedPath + " (gzip, " + published.CompressedLength + " bytes, "
                    + (published.CompressedLength * 100L / Math.Max(1, published.Length)) + " % of the image)");
                output.WriteLine("  " + published.VersionFilePath);
                return 0;
            }
            catch (Exception e) when (e is PublishException or IOException or UnauthorizedAccessException)
            {
                error.WriteLine("Error: " + e.Message);
                return 1;
            }
        });
        return command;
    }
}

using OvmsOta.Simulation;
using OvmsOta.UpdateServer;

namespace OvmsOta.Simulator.UpdateServer;

/// <summary>
/// The simulator's update server content: for each product, a main, eap and edge image newer than
/// the module's initial one, made with ImageBuilder (small, so a download takes a moment) and put in
/// place by <see cref="ImagePublisher"/>, exactly as `ovmsota publish` would.
/// </summary>
public static class DemoTree
{
    /// <summary>The version the simulated module is flashed with on first start.</summary>
    public const string InitialVersion = "3.3.005-1-ginitial";

    /// <summary>Size of each demo image: a few hundred KB, so downloads show progress but are quick.</summary>
    public const int ImageSize = 600 * 1024;

    /// <summary>Channel, version and changelog of each demo image; all newer than <see cref="InitialVersion"/>.</summary>
    public static readonly (string Tag, string Version, string Changelog)[] Channels =
    [
        ("main", "3.3.006", "Demo release 3.3.006 (made by ovmsota sim)"),
        ("eap", "3.3.006-12-g0eap0001", "Demo early-access build (made by ovmsota sim)"),
        ("edge", "3.3.006-40-g0edge040", "Demo edge build (made by ovmsota sim)"),
    ];

    /// <summary>Publishes the demo images for product under serverDir; an image already there with the same version is kept.</summary>
    public static IReadOnlyList<PublishedImage> Ensure(string serverDir, string product)
    {
        var published = new List<PublishedImage>();
        foreach (var (tag, version, changelog) in Channels)
        {
            string binPath = Path.Combine(serverDir, product, tag, UpdateUrl.ImageFileName);
            string verPath = Path.Combine(serverDir, product, tag, UpdateUrl.VersionFileName);
            string gzPath = binPath + ResumableDownload.CompressedSuffix;
            if (File.Exists(binPath) && File.Exists(verPath) && File.Exists(gzPath) && File.ReadLines(verPath).FirstOrDefault() == version)
            {
                published.Add(new PublishedImage(version, (int)new FileInfo(binPath).Length, binPath, verPath, (int)new FileInfo(gzPath).Length));
                continue;
            }
            published.Add(ImagePublisher.Publish(Build(version), "demo image " + version, serverDir, product, tag, changelog));
        }
        return published;
    }

    /// <summary>A valid OVMS-like image of about <see cref="ImageSize"/> bytes.</summary>
    public static byte[] Build(string version, int size = ImageSize)
    {
        var builder = new ImageBuilder(version) { Size = size };
        return builder.Build();
    }
}

using OvmsOta.Simulation;
using OvmsOta.Simulator.Bundles;
using OvmsOta.Simulator.Signing;
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

    /// <summary>With `sim --signing`: an unsigned image and an older signed one, to see both refused.</summary>
    public static readonly (string Tag, string Version, string Changelog)[] SigningDemoChannels =
    [
        ("unsigned", "3.3.006-50-g0unsign", "Demo build without a signature (refused while ota signing.required is on)"),
        ("old", "3.3.004-1-g0old", "Demo build older than the running one (refused unless forced)"),
    ];

    /// <summary>Publishes the demo images for product under serverDir; an image already there with the same version is kept.</summary>
    public static IReadOnlyList<PublishedImage> Ensure(string serverDir, string product)
    {
        return Ensure(serverDir, product, null);
    }

    /// <summary>
    /// As <see cref="Ensure(string, string)"/>; with a key, every image is (re)published signed with it, and the
    /// <see cref="SigningDemoChannels"/> are added (the "unsigned" one left unsigned).
    /// </summary>
    public static IReadOnlyList<PublishedImage> Ensure(string serverDir, string product, EspSigningKey? key)
    {
        var published = new List<PublishedImage>();
        if (key != null)
        {
            foreach (var (tag, version, changelog) in Channels.Concat(SigningDemoChannels))
            {
                byte[] image = Build(version);
                if (tag != "unsigned")
                    image = ImageSigner.Sign(SignedFile.Parse(image), key);
                published.Add(ImagePublisher.Publish(image, "demo image " + version, serverDir, product, tag, changelog));
            }
            return published;
        }
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

    /// <summary>
    /// The device layout's server content: for each channel a demo bundle (fw.zip: a nanoCLR-like app image and a
    /// deployment of synthetic assemblies) and its ovms3.ver, as `ovmsota publish fw.zip` puts them.
    /// </summary>
    public static IReadOnlyList<PublishedImage> EnsureBundles(string serverDir, string product, EspSigningKey? key = null)
    {
        var published = new List<PublishedImage>();
        if (key != null)
        {
            // As Ensure with a key: the app inside signed (image sign), then the manifest (bundle sign); "unsigned" neither.
            foreach (var (tag, version, changelog) in Channels.Concat(SigningDemoChannels))
            {
                BundleBuilder pair = BuildBundle(version);
                if (tag != "unsigned")
                    pair.App = ImageSigner.Sign(SignedFile.Parse(pair.App), key);
                published.Add(PublishBundle(pair, tag == "unsigned" ? null : key, serverDir, product, tag, changelog));
            }
            return published;
        }
        foreach (var (tag, version, changelog) in Channels)
        {
            string zipPath = Path.Combine(serverDir, product, tag, UpdateUrl.BundleFileName);
            string verPath = Path.Combine(serverDir, product, tag, UpdateUrl.VersionFileName);
            if (File.Exists(zipPath) && File.Exists(verPath) && File.ReadLines(verPath).FirstOrDefault() == version)
            {
                published.Add(new PublishedImage(version, (int)new FileInfo(zipPath).Length, zipPath, verPath));
                continue;
            }
            published.Add(PublishBundle(BuildBundle(version), null, serverDir, product, tag, changelog));
        }
        return published;
    }

    // Through a file, as `ovmsota publish fw.zip` takes it; with a key, made by `bundle make` and signed by `bundle sign`.
    static PublishedImage PublishBundle(BundleBuilder pair, EspSigningKey? key, string serverDir, string product, string tag, string changelog)
    {
        string temporary = Path.Combine(Path.GetTempPath(), "ovmsota-demo-" + Guid.NewGuid().ToString("N") + ".zip");
        string signed = temporary + ".signed.zip";
        try
        {
            if (key == null)
                File.WriteAllBytes(temporary, pair.Build(new Json.SystemTextJsonCodec()));
            else
            {
                BundleFiles.Make(pair.App, pair.Deploy, pair.Version, pair.Product, pair.Natives, temporary, "demo app", "demo deployment");
                BundleSigner.Sign(temporary, signed, key);
            }
            return BundlePublisher.Publish(key != null ? signed : temporary, serverDir, product, tag, changelog);
        }
        finally
        {
            File.Delete(temporary);
            File.Delete(signed);
        }
    }

    /// <summary>A demo pair of version: an app image of about <see cref="ImageSize"/> bytes and three synthetic assemblies.</summary>
    public static BundleBuilder BuildBundle(string version) => BundleBuilder.Demo(version, ImageSize, 8 * 1024);

    /// <summary>A valid OVMS-like image of about <see cref="ImageSize"/> bytes.</summary>
    public static byte[] Build(string version, int size = ImageSize)
    {
        var builder = new ImageBuilder(version) { Size = size };
        return builder.Build();
    }
}

using OvmsOta.Simulator.Bundles;
using OvmsOta.UpdateServer;

namespace OvmsOta.Simulator.UpdateServer;

/// <summary>
/// Puts a firmware bundle into a server tree beside where OVMS's image goes: DIR/&lt;product&gt;/&lt;tag&gt;/fw.zip, and
/// ovms3.ver naming the bundle's manifest version (a module on the device layout reads the same .ver and fetches
/// fw.zip). The bundle is read first as a module reads it; an invalid one changes nothing.
/// </summary>
public static class BundlePublisher
{
    public static PublishedImage Publish(string bundlePath, string serverDir, string product, string tag, string? changelog)
    {
        ImagePublisher.CheckPathPart(product, "product", "ovmsota-device");
        ImagePublisher.CheckPathPart(tag, "tag", "edge");
        BundleInspection inspection = BundleInspection.Of(bundlePath);
        if (!inspection.Valid)
            throw new PublishException(bundlePath + ": not a valid firmware bundle: " + inspection.Failure);
        string version = inspection.Manifest!.Version;
        string folder = Path.Combine(Path.GetFullPath(serverDir), product, tag);
        Directory.CreateDirectory(folder);
        string zipPath = Path.Combine(folder, UpdateUrl.BundleFileName);
        string verPath = Path.Combine(folder, UpdateUrl.VersionFileName);
        byte[] bundle = File.ReadAllBytes(bundlePath);
        ImagePublisher.ReplaceFile(zipPath, bundle);
        ImagePublisher.ReplaceFile(verPath, System.Text.Encoding.UTF8.GetBytes(ImagePublisher.VersionFileText(version, changelog)));
        return new PublishedImage(version, bundle.Length, zipPath, verPath);
    }
}

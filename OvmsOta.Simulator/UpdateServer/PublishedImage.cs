namespace OvmsOta.Simulator.UpdateServer;

/// <summary>What <see cref="ImagePublisher"/> put where; CompressedLength 0: no gzip copy (bundles have none yet).</summary>
public sealed record PublishedImage(string Version, int Length, string ImagePath, string VersionFilePath, int CompressedLength = 0)
{
    /// <summary>The gzip copy beside the image (ovms3.bin.gz).</summary>
    public string CompressedPath => ImagePath + OvmsOta.UpdateServer.ResumableDownload.CompressedSuffix;
}

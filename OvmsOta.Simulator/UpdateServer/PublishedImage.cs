namespace OvmsOta.Simulator.UpdateServer;

/// <summary>What <see cref="ImagePublisher"/> put where.</summary>
public sealed record PublishedImage(string Version, int Length, string ImagePath, string VersionFilePath, int CompressedLength)
{
    /// <summary>The gzip copy beside the image (ovms3.bin.gz).</summary>
    public string CompressedPath => ImagePath + OvmsOta.UpdateServer.ResumableDownload.CompressedSuffix;
}

namespace OvmsOta.Simulator.UpdateServer;

/// <summary>What <see cref="ImagePublisher"/> put where.</summary>
public sealed record PublishedImage(string Version, int Length, string ImagePath, string VersionFilePath);

namespace OvmsOta.Simulator.UpdateServer;

/// <summary>An image or a destination that cannot be published; the message says which and why.</summary>
public sealed class PublishException(string message) : Exception(message);

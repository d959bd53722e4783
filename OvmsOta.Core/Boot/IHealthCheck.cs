namespace OvmsOta.Boot
{
    /// <summary>
    /// One condition a new image must meet before it is confirmed automatically (e.g. the network is up, the update
    /// server answers). Called from <see cref="CommitWatchdog.Tick"/> while an image is on trial; must not block long.
    /// </summary>
    public interface IHealthCheck
    {
        /// <summary>A short name for `ota status` ("network", "update server").</summary>
        string Name { get; }

        bool IsHealthy();
    }
}

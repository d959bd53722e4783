namespace OvmsOta.Boot
{
    /// <summary>
    /// A monotonic millisecond clock for the commit deadline. It must not jump when the wall clock is set (SNTP,
    /// GPS): the device implementation counts from boot (esp_timer), not DateTime.UtcNow; tests use a settable one.
    /// </summary>
    public interface IClock
    {
        long Milliseconds { get; }
    }
}

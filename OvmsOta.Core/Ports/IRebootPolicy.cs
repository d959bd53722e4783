namespace OvmsOta.Ports
{
    /// <summary>
    /// Whether the module may restart now after an automatic update. OVMS restarts 5 s after the flash whatever the
    /// vehicle does; firmware can answer false while the vehicle is driving or charging, and the job asks again later.
    /// </summary>
    public interface IRebootPolicy
    {
        bool MayRebootNow();
    }
}

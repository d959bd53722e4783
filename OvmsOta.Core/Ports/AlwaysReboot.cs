namespace OvmsOta.Ports
{
    /// <summary>OVMS's behaviour: restart after an automatic update whatever the vehicle is doing.</summary>
    public sealed class AlwaysReboot : IRebootPolicy
    {
        public bool MayRebootNow()
        {
            return true;
        }
    }
}

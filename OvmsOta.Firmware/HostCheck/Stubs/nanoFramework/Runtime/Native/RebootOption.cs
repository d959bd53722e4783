namespace nanoFramework.Runtime.Native
{
    /// <summary>nanoFramework.Runtime.Native's reboot options (values as in nanoFramework.Runtime.Native 1.7).</summary>
    public enum RebootOption
    {
        NormalReboot = 0,
        EnterNanoBooter = 1,
        ClrOnly = 2,
        EnterProprietaryBooter = 8,
    }
}

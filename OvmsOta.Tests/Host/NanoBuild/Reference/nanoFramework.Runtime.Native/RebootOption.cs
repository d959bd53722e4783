// Reference model of nanoframework/nanoFramework.Runtime.Native, tag v1.7.11, nanoFramework.Runtime.Native/RebootOption.cs.
namespace nanoFramework.Runtime.Native
{
    public enum RebootOption
    {
        NormalReboot = 0,
        EnterNanoBooter = 1,
        ClrOnly = 2,
        EnterProprietaryBooter = 8,
    }
}

// Reference model of nanoframework/nanoFramework.Runtime.Native, tag v1.7.11, nanoFramework.Runtime.Native/Power.cs:
// the public surface as declared there (both RebootDevice overloads with their default arguments), bodies throw.
namespace nanoFramework.Runtime.Native
{
    public delegate void RebootEventHandler();

    public class Power
    {
        public static event RebootEventHandler OnRebootEvent { add => throw null; remove => throw null; }

        public static void RebootDevice(RebootOption rebootOption = RebootOption.NormalReboot) => throw null;

        public static void RebootDevice(int exeConstraintTimeout, RebootOption rebootOption = RebootOption.NormalReboot) => throw null;
    }
}

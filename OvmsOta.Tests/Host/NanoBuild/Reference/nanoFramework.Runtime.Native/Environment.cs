// Reference model of nanoframework/nanoFramework.Runtime.Native, tag v1.7.11, nanoFramework.Runtime.Native/System/Environment.cs:
// System.Environment lives in this assembly on nanoFramework (mscorlib has none), with TickCount64 only.
namespace System
{
    public static partial class Environment
    {
        public static long TickCount64 => throw null;
    }
}

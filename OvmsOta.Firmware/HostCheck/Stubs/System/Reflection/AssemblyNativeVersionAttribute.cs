using System;

namespace System.Reflection
{
    /// <summary>nanoFramework's version stamp of an assembly's native (interop) part; mscorlib on the device.</summary>
    [AttributeUsage(AttributeTargets.Assembly)]
    public sealed class AssemblyNativeVersionAttribute : Attribute
    {
        public AssemblyNativeVersionAttribute(string version)
        {
            NativeVersion = version;
        }

        public string NativeVersion { get; }
    }
}

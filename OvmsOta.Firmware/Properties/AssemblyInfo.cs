using System.Reflection;

[assembly: AssemblyTitle("OvmsOta.Firmware")]
[assembly: AssemblyDescription("nanoFramework application: over-the-air updates on an OVMS v3 module")]
[assembly: AssemblyProduct("OvmsOta")]
[assembly: AssemblyVersion("0.1.0.0")]

// No AssemblyNativeVersion here: the application has no native methods. They live in OvmsOta.Native, whose
// method table nothing in this assembly can shift (native/ManagedSide.md).

using System.Reflection;

[assembly: AssemblyTitle("OvmsOta.Firmware")]
[assembly: AssemblyDescription("nanoFramework application: over-the-air updates on an OVMS v3 module")]
[assembly: AssemblyProduct("OvmsOta")]
[assembly: AssemblyVersion("0.1.0.0")]

// Required in any assembly with native (InternalCall) methods: stub generation fails without it.
// Bump it whenever the set or signatures of the native methods change.
[assembly: AssemblyNativeVersion("1.0.0.0")]

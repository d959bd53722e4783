using System.Reflection;

[assembly: AssemblyTitle("OvmsOta.Native")]
[assembly: AssemblyDescription("nanoFramework interop declarations of the OvmsOta native library (flash by partition, SHA-256, restart)")]
[assembly: AssemblyProduct("OvmsOta")]
[assembly: AssemblyVersion("1.0.0.0")]

// Must equal { 1, 0, 0, 0 } in native/interop/OvmsOta.Native/OvmsOta_Native.cpp (a host test checks it).
// Bump both whenever a native method is added, removed or changes signature.
[assembly: AssemblyNativeVersion("1.0.0.0")]

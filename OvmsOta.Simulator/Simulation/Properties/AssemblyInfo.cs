using System.Reflection;

[assembly: AssemblyTitle("OvmsOta.Simulation")]
[assembly: AssemblyDescription("Simulated flash, bootloader model and image builder for OvmsOta's tests and simulator")]
[assembly: AssemblyProduct("OvmsOta")]
[assembly: AssemblyVersion("0.1.0.0")]

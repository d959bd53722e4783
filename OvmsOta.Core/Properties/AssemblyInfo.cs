using System.Reflection;

[assembly: AssemblyTitle("OvmsOta.Core")]
[assembly: AssemblyDescription("Over-the-air update engine for OVMS v3 modules")]
[assembly: AssemblyProduct("OvmsOta")]
[assembly: AssemblyVersion("0.1.0.0")]

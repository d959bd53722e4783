// The assembly version the .nfproj files reference (DeviceBuild checks they agree).
[assembly: System.Reflection.AssemblyVersion("1.1.96.0")]

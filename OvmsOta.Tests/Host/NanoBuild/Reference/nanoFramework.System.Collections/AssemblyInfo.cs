// The assembly version the .nfproj files reference (DeviceBuild checks they agree).
[assembly: System.Reflection.AssemblyVersion("1.5.67.0")]

// The assembly version the .nfproj files reference (DeviceBuild checks they agree).
[assembly: System.Reflection.AssemblyVersion("3.0.77.0")]

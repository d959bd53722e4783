// Models nanoframework/nanoFramework.TestFramework, tag v3.0.77, source/UnitTestLauncher (an Exe whose types are internal).
// The .nfproj files reference this assembly but no OvmsOta code uses a type of it, so the model declares none:
// a compile error naming one of its types means it is now used; add the type from that source.
[assembly: System.Reflection.AssemblyVersion("0.0.0.0")]

// Models nanoframework/nanoFramework.Runtime.Events, tag v1.11.32.
// The .nfproj files reference this assembly but no OvmsOta code uses a type of it, so the model declares none:
// a compile error naming one of its types means it is now used; add the type from that source.
[assembly: System.Reflection.AssemblyVersion("1.11.32.0")]

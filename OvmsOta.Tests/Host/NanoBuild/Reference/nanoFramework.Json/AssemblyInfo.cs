// Models nanoframework/nanoFramework.Json (version 2.2.210 is untagged; read at 76f1016, 2.2.x).
// The .nfproj files reference this assembly but no OvmsOta code uses a type of it, so the model declares none:
// a compile error naming one of its types means it is now used; add the type from that source.
[assembly: System.Reflection.AssemblyVersion("2.2.210.0")]

// Models nanoframework/nanoFramework.Json (version 2.2.210 is untagged; read at 76f1016, 2.2.x).
// The firmware's and NFUnitTest.Update's NanoJsonCodec use JsonConvert and JsonSerializerOptions (declared here); a
// compile error naming another of its types means it is now used; add the type from that source.
[assembly: System.Reflection.AssemblyVersion("2.2.210.0")]

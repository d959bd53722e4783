using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mono.Cecil;

using OvmsOta.Tests.Host.Conformance;

namespace OvmsOta.Tests.Host.NanoBuild
{
    /// <summary>
    /// nanoCLR refuses an interop assembly whose native checksum differs from the one its native glue carries
    /// ("Invalid native checksum"). The checksum is computed here as the metadata processor does
    /// (<see cref="NativeMethodsChecksum"/>), proven on the package's real mscorlib, and the glue must carry the value
    /// of OvmsOta.Native's declarations as they stand, so a declaration changed without the glue fails here.
    /// </summary>
    [TestClass]
    public class NativeChecksumTests
    {
        /// <summary>
        /// The checksum of today's declarations. 0x24771519 (the twelve natives up to NativeHash) came from a real
        /// metadata-processor run (issue 12); 0x066FEFBE added NativeSignature.RsaPssVerify (issue 16) and 0x2B92B23E adds
        /// NativeInflate's three (issue 18): those two are this reimplementation's figures, not yet confirmed by a real MDP run.
        /// </summary>
        private const uint OvmsOtaNativeToday = 0x2B92B23E;


        private static string NativeHostBuildPath => RepositoryPaths.InOutput("OvmsOta.Native.dll");

        private static string NativeNfprojPath => RepositoryPaths.InProject("OvmsOta.Firmware", "OvmsOta.Native", "OvmsOta.Native.nfproj");

        [TestMethod]
        public void The_crc_is_CRC32_MPEG2_when_seeded_with_all_ones_and_chains_through_its_seed()
        {
            byte[] check = Encoding.ASCII.GetBytes("123456789");

            Assert.AreEqual(0x0376E6E7u, NanoCrc32.Compute(check, 0xFFFFFFFF), "CRC-32/MPEG-2 check value");
            Assert.AreEqual(0x0376E6E7u, NanoCrc32.Compute(check[4..], NanoCrc32.Compute(check[..4], 0xFFFFFFFF)), "split in two, seeded with the first part");
            Assert.AreEqual(0u, NanoCrc32.Compute(Array.Empty<byte>(), 0));
        }

        [TestMethod]
        public void The_real_mscorlib_gives_the_checksum_nanoFramework_built_it_with()
        {
            // nanoFramework.CoreLibrary 1.17.11: 0x1549C856 is in its mscorlib.pe header and in nanoCLR's corlib table.
            Assert.AreEqual("0x1549C856", NativeMethodsChecksum.Format(NativeMethodsChecksum.Of(NanoCoreLibrary.Path)));
        }

        [TestMethod]
        public void OvmsOta_Native_gives_the_checksum_the_metadata_processor_computed_for_it()
        {
            Assert.AreEqual(NativeMethodsChecksum.Format(OvmsOtaNativeToday), NativeMethodsChecksum.Format(NativeMethodsChecksum.Of(NativeHostBuildPath)),
                "host build of OvmsOta.Native. A changed declaration changes the checksum: then update this figure and the glue together.");
        }

        [TestMethod]
        public void The_host_build_of_OvmsOta_Native_declares_what_the_device_build_declares()
        {
            // The host build compiles the same files against .NET and the nanoFramework stubs; the device build
            // compiles them against the real mscorlib. Same methods, same names, same checksum: the host build adds
            // nothing (compiler-generated types or members) that would make the figure above differ on the device.
            using var device = ModuleDefinition.ReadModule(new MemoryStream(CompileAgainstRealMscorlib("OvmsOta.Native", NativeSources())));
            using var host = ModuleDefinition.ReadModule(NativeHostBuildPath);

            CollectionAssert.AreEqual(Declarations(device), Declarations(host));
            Assert.AreEqual(NativeMethodsChecksum.Format(NativeMethodsChecksum.Of(device)), NativeMethodsChecksum.Format(NativeMethodsChecksum.Of(host)));
        }

        [TestMethod]
        public void The_glue_carries_the_checksum_of_the_declarations()
        {
            uint computed = NativeMethodsChecksum.Of(NativeHostBuildPath);
            uint glue = NativeGlueFile.Read().Checksum;

            Assert.AreEqual(NativeMethodsChecksum.Format(computed), NativeMethodsChecksum.Format(glue),
                "OvmsOta_Native.cpp carries " + NativeMethodsChecksum.Format(glue) + " but OvmsOta.Native's declarations give "
                + NativeMethodsChecksum.Format(computed) + ": nanoCLR would refuse the assembly (\"Invalid native checksum\"). "
                + "Regenerate the stubs (NFMDP_GENERATE_STUBS) and copy OvmsOta_Native.cpp, or undo the declaration change.");
        }

        [TestMethod]
        public void A_changed_parameter_type_changes_the_checksum_and_fails_the_glue_check()
        {
            var sources = NativeSources();
            string flash = sources["NativeFlash.cs"];
            const string declared = "EraseBlock(string label, int offset)";
            StringAssert.Contains(flash, declared, "the planted change needs EraseBlock's declaration");
            sources["NativeFlash.cs"] = flash.Replace(declared, "EraseBlock(string label, uint offset)");

            using var planted = ModuleDefinition.ReadModule(new MemoryStream(CompileAgainstRealMscorlib("OvmsOta.Native", sources)));
            uint checksum = NativeMethodsChecksum.Of(planted);

            Assert.AreNotEqual(OvmsOtaNativeToday, checksum, "int -> uint offset of EraseBlock");
            Assert.AreNotEqual(NativeGlueFile.Read().Checksum, checksum, "the glue check would fail on this declaration");
        }

        [TestMethod]
        public void The_glue_checksum_is_read_from_the_assembly_record()
        {
            var glue = NativeGlueFile.Read();
            uint other = ~glue.Checksum;
            string changed = glue.Text.Replace(NativeMethodsChecksum.Format(glue.Checksum), NativeMethodsChecksum.Format(other));

            Assert.AreNotEqual(glue.Text, changed, "the glue writes its checksum as 0x%08X");
            Assert.AreEqual(other, new NativeGlueFile(changed).Checksum);
            Assert.ThrowsExactly<InvalidDataException>(() => new NativeGlueFile("static const CLR_RT_MethodHandler method_lookup[] = { NULL };").Checksum);
        }

        [TestMethod]
        public void Managed_methods_count_only_after_the_first_native_one()
        {
            // nanoframework.md 4.3: a managed method ahead of the first native shifts the native table without changing
            // the checksum (FirmwareNativeTableTests guards that); after it, a managed method changes the checksum.
            const string natives = @"
using System.Runtime.CompilerServices;
namespace Planted { public static class Lib {
    {0}
    [MethodImpl(MethodImplOptions.InternalCall)] public static extern void A();
    {1}
    [MethodImpl(MethodImplOptions.InternalCall)] public static extern int B(byte[] data);
} }";
            const string managed = "public static int M() { return 1; }";
            uint bare = ChecksumOf(natives.Replace("{0}", "").Replace("{1}", ""));

            Assert.AreEqual(bare, ChecksumOf(natives.Replace("{0}", managed).Replace("{1}", "")), "managed method ahead of the natives");
            Assert.AreNotEqual(bare, ChecksumOf(natives.Replace("{0}", "").Replace("{1}", managed)), "managed method between the natives");
        }

        [TestMethod]
        public void Class_names_follow_the_metadata_processor()
        {
            using var module = ModuleDefinition.ReadModule(new MemoryStream(SnippetCompiler.Compile(@"
namespace Planted.Deep { public class Outer { public class Inner { } } }
public class NoNamespace { }")));

            Assert.AreEqual("Planted_Deep_Outer", NativeMethodName.OfClass(module.GetType("Planted.Deep.Outer")));
            Assert.AreEqual("Planted_Deep_Outer__Inner", NativeMethodName.OfClass(module.GetType("Planted.Deep.Outer/Inner")));
            Assert.AreEqual("NoNamespace", NativeMethodName.OfClass(module.GetType("NoNamespace")));
        }

        /// <summary>The checksum of one source file compiled as assembly "Planted" (the name enters the checksum).</summary>
        private static uint ChecksumOf(string source)
        {
            var image = CompileAgainstRealMscorlib("Planted", new OrderedDictionary<string, string> { ["Planted.cs"] = source });
            using var module = ModuleDefinition.ReadModule(new MemoryStream(image));
            return NativeMethodsChecksum.Of(module);
        }

        /// <summary>Class::Method signature of every method, in metadata order.</summary>
        private static string[] Declarations(ModuleDefinition module) =>
            module.GetTypes().Where(t => t.Name != "<Module>")
                .SelectMany(t => t.Methods.Select(m => NativeMethodName.OfClass(t) + "::" + NativeMethodName.OfMethod(m) + (NativeMethodName.IsNative(m) ? "" : " (managed)")))
                .ToArray();

        /// <summary>The nfproj's Compile items (file name -> text), in its order.</summary>
        private static OrderedDictionary<string, string> NativeSources()
        {
            var project = new NfprojFile(NativeNfprojPath);
            var sources = new OrderedDictionary<string, string>();
            foreach (string item in project.CompileItems)
                sources.Add(item, File.ReadAllText(Path.Combine(project.Directory, item)));
            return sources;
        }

        /// <summary>A device build (NanoCompilation: C# 9, NoStdLib) with the real mscorlib as the only reference.</summary>
        private static byte[] CompileAgainstRealMscorlib(string assemblyName, OrderedDictionary<string, string> sources)
        {
            var build = NanoCompilation.Compile(assemblyName, OutputKind.DynamicallyLinkedLibrary, new CSharpParseOptions(LanguageVersion.CSharp9),
                sources.Select(s => (s.Key, s.Value)), new[] { NanoCoreLibrary.Reference });
            Assert.IsTrue(build.Succeeded, assemblyName + " does not compile against the real mscorlib:\n" + build.Describe());
            return build.Image;
        }
    }
}

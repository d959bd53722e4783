using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mono.Cecil;

using OvmsOta.Tests.Host;
using OvmsOta.Tests.Host.NanoBuild;

namespace OvmsOta.Tests.Host.Conformance
{
    /// <summary>
    /// nanoCLR binds the natives of OvmsOta.Native by their index in the assembly (method_lookup[] in
    /// native/interop/OvmsOta.Native/OvmsOta_Native.cpp), and a shifted table still passes the checksum
    /// (nanoframework.md 4.3, 4.6). The glue cannot be built here, so this is the one check that the managed
    /// declarations and the native table agree: it reads the host build of OvmsOta.Native with Mono.Cecil, names every
    /// method as the metadata processor does (Method___STATIC__RET__ARGS, NULL for a managed one) in metadata order,
    /// and compares with the table, entry by entry.
    /// </summary>
    [TestClass]
    public class FirmwareNativeTableTests
    {
        private const string AssemblyName = "OvmsOta.Native";

        private static string NativePath => RepositoryPaths.InOutput(AssemblyName + ".dll");

        private static string NfprojPath => RepositoryPaths.InProject("OvmsOta.Firmware", "OvmsOta.Native", "OvmsOta.Native.nfproj");

        [TestMethod]
        public void The_managed_declarations_match_the_glue_method_table_entry_by_entry()
        {
            var managed = ManagedTable();
            var native = GlueTable();

            Assert.AreEqual(16, managed.Count, "OvmsOta.Native declares 16 natives (ManagedSide.md): " + string.Join(", ", managed));
            for (int i = 0; i < Math.Max(managed.Count, native.Count); i++)
            {
                string expected = i < managed.Count ? managed[i] : "(none)";
                string found = i < native.Count ? native[i] : "(none)";
                Assert.AreEqual(expected, found, "method_lookup[" + i + "]: the managed assembly has " + expected + ", the glue " + found
                    + ". Regenerate the stubs (NFMDP_GENERATE_STUBS) and copy OvmsOta_Native.cpp, or fix the declaration.");
            }
        }

        [TestMethod]
        public void Every_entry_of_the_table_is_declared_in_the_header()
        {
            string header = File.ReadAllText(Path.Combine(NativeGlueFile.Folder, "OvmsOta_Native.h"));
            foreach (string entry in GlueTable())
            {
                string[] parts = entry.Split("::");
                StringAssert.Contains(header, "NANOCLR_NATIVE_DECLARE(" + parts[1] + ");", entry + " is in the table but not declared in OvmsOta_Native.h");
            }
        }

        [TestMethod]
        public void The_glue_names_the_assembly_and_its_native_version()
        {
            using var module = ModuleDefinition.ReadModule(NativePath);
            var attribute = module.Assembly.CustomAttributes.Single(a => a.AttributeType.Name == "AssemblyNativeVersionAttribute");
            string[] version = ((string)attribute.ConstructorArguments[0].Value).Split('.');
            string glue = NativeGlueFile.Read().Text;

            StringAssert.Contains(glue, "\"" + AssemblyName + "\",");
            StringAssert.Contains(glue, "{ " + string.Join(", ", version) + " }", "AssemblyNativeVersion " + string.Join(".", version) + " vs the glue's version");
        }

        [TestMethod]
        public void The_interop_assembly_holds_only_static_classes_of_extern_methods()
        {
            // No managed method may sit in the table (it would shift the natives without changing the checksum), and no
            // compiler-embedded type (C# 11's EmbeddedAttribute, RefSafetyRulesAttribute) may enter the metadata.
            using var module = ModuleDefinition.ReadModule(NativePath);
            var types = module.Types.Where(t => t.Name != "<Module>").ToList();

            CollectionAssert.AreEqual(new[] { "NativeChip", "NativeFlash", "NativeHash", "NativeInflate", "NativeSignature" }, types.Select(t => t.Name).ToArray(),
                "types of OvmsOta.Native in metadata order");
            foreach (var type in types)
            {
                Assert.IsTrue(type.IsAbstract && type.IsSealed, type.FullName + " must be a static class (no .ctor in the table)");
                foreach (var method in type.Methods)
                    Assert.IsTrue(method.IsInternalCall && method.IsStatic, type.Name + "::" + method.Name + " is not a static InternalCall extern");
            }
        }

        [TestMethod]
        public void The_nfproj_compiles_the_classes_in_the_table_order_at_CSharp_9_with_stub_generation()
        {
            var project = new NfprojFile(NfprojPath);
            var classFiles = project.CompileItems.Where(f => !f.Contains('/')).Select(Path.GetFileNameWithoutExtension).ToArray();

            CollectionAssert.AreEqual(new[] { "NativeChip", "NativeFlash", "NativeHash", "NativeInflate", "NativeSignature" }, classFiles, "Compile order decides metadata order");
            Assert.AreEqual("9.0", project.Property("LangVersion"), "C# 11+ embeds EmbeddedAttribute and shifts the table (nanoframework.md 4.6)");
            Assert.AreEqual("true", project.Property("NFMDP_GENERATE_STUBS"));
            Assert.AreEqual(AssemblyName, project.Property("AssemblyName"));
        }

        [TestMethod]
        public void The_nfproj_references_only_mscorlib_from_its_packages_config()
        {
            var project = new NfprojFile(NfprojPath);

            CollectionAssert.AreEqual(new[] { "nanoFramework.CoreLibrary.1.17.11" }, project.Packages.Select(p => p.Id + "." + p.Version).ToArray());
            CollectionAssert.AreEqual(new[] { @"..\..\packages\nanoFramework.CoreLibrary.1.17.11\lib\mscorlib.dll" }, project.HintPaths.ToArray());
        }

        [TestMethod]
        public void The_native_name_of_a_method_follows_the_metadata_processor()
        {
            // Known names from nanoframework.md 4.2 and the glue, computed from small compiled declarations.
            byte[] image = SnippetCompiler.Compile(@"
using System.Runtime.CompilerServices;
namespace Planted { public static class Lib {
    [MethodImpl(MethodImplOptions.InternalCall)] public static extern double NativeSuperComplicatedCalculation(double value);
    [MethodImpl(MethodImplOptions.InternalCall)] public static extern void Restart();
    [MethodImpl(MethodImplOptions.InternalCall)] public static extern int Read(string label, int offset, byte[] buffer, int bufferOffset, int count);
    public static int Managed() { return 1; } } }");
            using var module = ModuleDefinition.ReadModule(new MemoryStream(image));
            var names = module.Types.Single(t => t.Name == "Lib").Methods.Select(NativeName).ToArray();

            CollectionAssert.AreEqual(new[] {
                "NativeSuperComplicatedCalculation___STATIC__R8__R8",
                "Restart___STATIC__VOID",
                "Read___STATIC__I4__STRING__I4__SZARRAY_U1__I4__I4",
                null }, names);
        }

        /// <summary>Library_&lt;S&gt;_&lt;C&gt;::&lt;native name&gt; (or NULL) for every method of every type, in metadata order.</summary>
        private static List<string> ManagedTable()
        {
            using var module = ModuleDefinition.ReadModule(NativePath);
            string assembly = module.Assembly.Name.Name.Replace('.', '_');
            var table = new List<string>();
            foreach (var type in module.Types.Where(t => t.Name != "<Module>"))
            {
                string library = "Library_" + assembly + "_" + type.FullName.Replace('.', '_');
                foreach (var method in type.Methods)
                {
                    string name = NativeName(method);
                    table.Add(name == null ? "NULL" : library + "::" + name);
                }
            }
            return table;
        }

        /// <summary>The entries of method_lookup[] in OvmsOta_Native.cpp, in order.</summary>
        private static List<string> GlueTable() => NativeGlueFile.Read().MethodLookup;

        /// <summary>The metadata processor's native name, or null for a method with IL (nanoframework.md 4.2).</summary>
        private static string NativeName(MethodDefinition method) =>
            NativeMethodName.IsNative(method) ? NativeMethodName.OfMethod(method) : null;
    }
}

using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mono.Cecil;

using OvmsOta.Tests.Host.Conformance;

namespace OvmsOta.Tests.Host.NanoBuild
{
    /// <summary>
    /// The reference models stand in for nanoFramework's class libraries in the device compile, so they must be right:
    /// each compiles against the real mscorlib, and each member it declares is one the library really has (the API
    /// lists, ../shared/nanoframework-api). The lists cannot show abstract/virtual/sealed; the models' header comments
    /// name the source each was read from.
    /// </summary>
    [TestClass]
    public class ReferenceModelTests
    {
        [TestMethod]
        public void Every_reference_model_compiles_against_the_real_mscorlib()
        {
            var broken = ReferenceAssemblies.All.Where(m => !m.Value.Succeeded).Select(m => m.Key + ":\n" + m.Value.Describe()).ToList();

            Assert.AreEqual(0, broken.Count, "reference models that do not compile:\n" + string.Join("\n", broken));
        }

        [TestMethod]
        public void The_reference_folders_are_the_modelled_assemblies()
        {
            CollectionAssert.AreEquivalent(ReferenceAssemblies.DependsOn.Keys.ToList(), ReferenceAssemblies.ModelFolders.ToList(),
                "Reference/ folders and ReferenceAssemblies.DependsOn must name the same assemblies");
        }

        [TestMethod]
        public void Every_member_a_reference_model_declares_is_in_that_librarys_API_list()
        {
            var invented = new List<string>();
            int checkedMembers = 0;
            foreach (var (name, model) in ReferenceAssemblies.All)
            {
                using var module = ModuleDefinition.ReadModule(new MemoryStream(model.Image));
                checkedMembers += PublicSurface(module).Count();
                invented.AddRange(NotInApiList(name, module).Select(api => name + ": " + api));
            }

            Assert.IsTrue(checkedMembers > 300, "the models declare only " + checkedMembers + " members: are the Reference/ sources read?");
            Assert.AreEqual(0, invented.Count, "members the reference models declare but the real libraries do not have"
                + " (fix the model to the real declaration):\n  " + string.Join("\n  ", invented));
        }

        [TestMethod]
        public void The_member_check_catches_a_member_the_library_does_not_have()
        {
            // .NET's Encoding.GetString(byte[]) and a settable IPEndPoint.Port are not on nanoFramework.
            var planted = NanoCompilation.Compile("nanoFramework.System.Text", Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary,
                new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp9),
                new[] { ("Planted.cs", @"namespace System.Text { public abstract class Encoding {
                    public virtual string GetString(byte[] bytes, int index, int count) => throw null;
                    public virtual string GetString(byte[] bytes) => throw null; } }") },
                new[] { NanoCoreLibrary.Reference });
            Assert.IsTrue(planted.Succeeded, planted.Describe());
            using var module = ModuleDefinition.ReadModule(new MemoryStream(planted.Image));

            var invented = NotInApiList("nanoFramework.System.Text", module);

            CollectionAssert.AreEqual(new[] { "M:System.Text.Encoding::GetString(System.Byte[])" }, invented.ToList());
        }

        /// <summary>What a model of the named assembly declares that the assembly's API list does not have
        /// (everything, for an assembly without a list: only the launcher, an executable whose types are internal).</summary>
        private static IEnumerable<string> NotInApiList(string assemblyName, ModuleDefinition module)
        {
            var surface = PublicSurface(module);
            string listFile = assemblyName + ".txt";
            if (!File.Exists(Path.Combine(RepositoryPaths.ApiListDirectory, listFile)))
                return surface.Select(api => api + " (no API list for " + assemblyName + ")").ToList();
            var list = ApiList.Load(RepositoryPaths.ApiListDirectory,
                Directory.GetFiles(RepositoryPaths.ApiListDirectory, "*.txt").Select(Path.GetFileName).Where(f => f != listFile));
            return surface.Where(api => !list.Contains(api)).ToList();
        }

        /// <summary>T:, M:, F: lines for every public or protected type and member of a model.</summary>
        private static IEnumerable<string> PublicSurface(ModuleDefinition module)
        {
            foreach (var type in module.GetTypes().Where(IsVisible))
            {
                yield return ApiName.Type(type);
                foreach (var method in type.Methods.Where(m => m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly))
                    yield return ApiName.Method(method);
                foreach (var field in type.Fields.Where(f => (f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly) && !f.IsRuntimeSpecialName))
                    yield return ApiName.Field(field);
            }
        }

        private static bool IsVisible(TypeDefinition type) =>
            type.IsPublic || (type.IsNestedPublic && IsVisible(type.DeclaringType.Resolve()));
    }
}

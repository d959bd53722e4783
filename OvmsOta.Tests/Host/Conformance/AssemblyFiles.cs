using System.IO;
using Mono.Cecil;

namespace OvmsOta.Tests.Host.Conformance
{
    /// <summary>
    /// Reads an assembly so that the types it references can be resolved: the rules that must know whether a
    /// referenced type is an enum or a delegate look at its definition, in the framework or beside the assembly.
    /// </summary>
    public static class AssemblyFiles
    {
        public static ModuleDefinition Read(string path)
        {
            var resolver = new DefaultAssemblyResolver();
            resolver.AddSearchDirectory(Path.GetDirectoryName(Path.GetFullPath(path)));
            return ModuleDefinition.ReadModule(path, new ReaderParameters { AssemblyResolver = resolver });
        }

        /// <summary>The definition of type, or null when its assembly cannot be found.</summary>
        public static TypeDefinition TryResolve(TypeReference type)
        {
            if (type is TypeDefinition definition)
                return definition;
            try
            {
                return type.Resolve();
            }
            catch (AssemblyResolutionException)
            {
                return null;
            }
        }
    }
}

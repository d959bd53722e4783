using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace OvmsOta.Tests.Host.Conformance
{
    /// <summary>
    /// Compiles a few lines of C# in memory the way the host builds compile OvmsOta (C# 9, .NET 10 framework
    /// assemblies of the running runtime), so tests can plant a violation and watch the gate reject it.
    /// </summary>
    public static class SnippetCompiler
    {
        private static readonly Lazy<MetadataReference[]> Framework = new(LoadFramework);

        /// <summary>The running runtime's framework assemblies, as every snippet is compiled against.</summary>
        public static IReadOnlyList<MetadataReference> FrameworkReferences => Framework.Value;

        public static byte[] Compile(string source, params string[] extraReferencePaths)
        {
            return CompileWithSymbols(new string[0], source, extraReferencePaths);
        }

        /// <summary>Compiles with these preprocessor symbols defined (e.g. DEBUG, TRACE: what a configuration defines).</summary>
        public static byte[] CompileWithSymbols(string[] symbols, string source, params string[] extraReferencePaths)
        {
            var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp9, preprocessorSymbols: symbols));
            var references = Framework.Value.Concat(extraReferencePaths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)));
            var compilation = CSharpCompilation.Create(
                "Planted" + Guid.NewGuid().ToString("N"),
                new[] { tree },
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release));

            using var image = new MemoryStream();
            var result = compilation.Emit(image);
            if (!result.Success)
            {
                var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString());
                throw new InvalidOperationException("snippet does not compile:\n" + string.Join("\n", errors));
            }
            return image.ToArray();
        }

        /// <summary>Every managed assembly in the running runtime's directory (System.Private.CoreLib, System.Runtime, System.Linq ...).</summary>
        private static MetadataReference[] LoadFramework()
        {
            var references = new List<MetadataReference>();
            foreach (var path in Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll"))
            {
                if (HasMetadata(path))
                    references.Add(MetadataReference.CreateFromFile(path));
            }
            return references.ToArray();
        }

        private static bool HasMetadata(string path)
        {
            try
            {
                using var reader = new PEReader(File.OpenRead(path));
                return reader.HasMetadata;
            }
            catch (BadImageFormatException)
            {
                return false;
            }
        }
    }
}

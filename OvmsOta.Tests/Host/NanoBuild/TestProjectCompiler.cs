using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;

using OvmsOta.Tests.Host;
using OvmsOta.Tests.Host.Conformance;

namespace OvmsOta.Tests.Host.NanoBuild
{
    /// <summary>
    /// Compiles a nanoFramework test project's &lt;Compile&gt; list alone, in memory, as the host sees it: C# 9,
    /// NANOFRAMEWORK_1_0 undefined (so the files take MSTest's using), against .NET's framework, MSTest and the host
    /// builds of OvmsOta.Core and OvmsOta.Simulation (what every test project references), and the host program for the
    /// host stand-ins of device-only items (<see cref="PortableTestProjects.HostTestSources"/>). A list that compiles here
    /// uses no portable type it does not list; the IL it gives carries the same names and literals as the device build (see <see cref="DeviceAssembly"/>).
    /// </summary>
    public static class TestProjectCompiler
    {
        private const string MsTestAssembly = "MSTest.TestFramework";

        private static readonly CSharpParseOptions Parse = new(LanguageVersion.CSharp9);

        private static readonly ConcurrentDictionary<string, Lazy<CompiledProject>> Cache = new(StringComparer.Ordinal);

        /// <summary>
        /// nanoFramework.TestFramework 3.0.77 passes the text of one argument as the message when a test leaves the message
        /// out: its message parameter is [CallerArgumentExpression] of actual, condition, value or action, nothing else
        /// (nanoFramework.TestFramework source/TestFramework/Assert.cs, Assert.AreEqual.cs, Assert.AreNotEqual.cs).
        /// </summary>
        private static readonly HashSet<string> CapturedOnDevice = new(StringComparer.Ordinal) { "actual", "condition", "value", "action" };

        /// <summary>The project compiled once per test run (the string-table and closure tests share it).</summary>
        public static CompiledProject Compile(NfprojFile project) =>
            Cache.GetOrAdd(project.Path, _ => new Lazy<CompiledProject>(() => CompileNow(project))).Value;

        /// <summary>Parses C# as the test projects are compiled (C# 9, no symbols defined).</summary>
        public static SyntaxTree ParseText(string text, string path = "") => CSharpSyntaxTree.ParseText(text, Parse, path);

        private static CompiledProject CompileNow(NfprojFile project)
        {
            // Device-only items (per-build helpers, linked device bindings) give way to their host stand-ins.
            var deviceOnly = new HashSet<string>(PortableTestProjects.DeviceTestSources(project), StringComparer.Ordinal);
            var trees = project.CompileItems
                .Where(item => !deviceOnly.Contains(item))
                .Select(item => Path.Combine(project.Directory, item))
                .Concat(PortableTestProjects.HostTestSources(project).Select(item => Path.Combine(PortableTestProjects.TestsFolder, item)))
                .Select(path => ParseText(File.ReadAllText(path), path))
                .ToList();
            return Compile(project.AssemblyName, trees);
        }

        public static CompiledProject Compile(string assemblyName, IReadOnlyList<SyntaxTree> trees)
        {
            var references = SnippetCompiler.FrameworkReferences
                .Concat(new[] { MsTestAssembly + ".dll", "OvmsOta.Core.dll", "OvmsOta.Simulation.dll", "ovmsota.dll" }
                    .Select(name => MetadataReference.CreateFromFile(RepositoryPaths.InOutput(name))));
            var compilation = CSharpCompilation.Create(
                assemblyName,
                trees,
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release));

            using var image = new MemoryStream();
            var result = compilation.Emit(image);
            var errors = result.Diagnostics
                .Where(d => d.Severity == DiagnosticSeverity.Error)
                .Select(Describe)
                .ToList();
            return result.Success
                ? new CompiledProject(image.ToArray(), errors, MsTestCallerLiterals(compilation))
                : new CompiledProject(null, errors, Array.Empty<string>());
        }

        /// <summary>
        /// The strings the host compiler supplies for MSTest's caller-information parameters that have no counterpart on
        /// the device, one per use: [CallerArgumentExpression] texts of Assert calls, which MSTest 4 takes whatever the
        /// message while the device takes only the one in <see cref="CapturedOnDevice"/> and only when the message is
        /// left out (those stay counted); and the source path MSTest's [TestMethod] takes ([CallerFilePath]), where the
        /// device's TestMethodAttribute has a parameterless constructor (nanoframework-api/nanoFramework.TestFramework.txt).
        /// </summary>
        private static IReadOnlyList<string> MsTestCallerLiterals(CSharpCompilation compilation)
        {
            var literals = new List<string>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                var model = compilation.GetSemanticModel(tree);
                foreach (var node in tree.GetRoot().DescendantNodes())
                {
                    var (method, arguments) = model.GetOperation(node) switch
                    {
                        IInvocationOperation call => (call.TargetMethod, call.Arguments),
                        IAttributeOperation { Operation: IObjectCreationOperation creation } => (creation.Constructor, creation.Arguments),
                        _ => (null, default),
                    };
                    if (method?.ContainingAssembly?.Name != MsTestAssembly)
                        continue;
                    bool messageGiven = arguments.Any(a => a.ArgumentKind == ArgumentKind.Explicit && a.Parameter?.Name == "message");
                    literals.AddRange(arguments
                        .Where(a => a.ArgumentKind == ArgumentKind.DefaultValue && a.Parameter != null && HostOnly(a.Parameter, messageGiven))
                        .Select(a => a.Value.ConstantValue)
                        .Where(v => v.HasValue && v.Value is string)
                        .Select(v => (string)v.Value));
                }
            }
            return literals;
        }

        private static bool HostOnly(IParameterSymbol parameter, bool messageGiven) =>
            parameter.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() switch
            {
                "System.Runtime.CompilerServices.CallerFilePathAttribute" => true,
                "System.Runtime.CompilerServices.CallerArgumentExpressionAttribute" =>
                    a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Value is string captured
                    && (messageGiven || !CapturedOnDevice.Contains(captured)),
                _ => false,
            });

        private static string Describe(Diagnostic diagnostic)
        {
            var where = diagnostic.Location.GetLineSpan();
            string file = string.IsNullOrEmpty(where.Path) ? "" : Path.GetRelativePath(RepositoryPaths.Root, where.Path);
            return file + "(" + (where.StartLinePosition.Line + 1) + "," + (where.StartLinePosition.Character + 1) + "): "
                + diagnostic.Id + " " + diagnostic.GetMessage();
        }
    }
}

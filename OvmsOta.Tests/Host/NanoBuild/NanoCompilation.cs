using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace OvmsOta.Tests.Host.NanoBuild
{
    /// <summary>
    /// One Roslyn compilation done as the nanoFramework project system does it: NoStdLib (the references given are
    /// all there is, the real mscorlib among them), nullable off, optimized, no overflow checks, and every diagnostic
    /// of compiling and emitting kept with its file and line.
    /// </summary>
    public sealed class NanoCompilation
    {
        /// <summary>csc's defaults under MSBuild (Microsoft.CSharp.Core.targets): version unification notes are not warnings.</summary>
        private static readonly Dictionary<string, ReportDiagnostic> MsBuildNoWarn = new()
        {
            ["CS1701"] = ReportDiagnostic.Suppress,
            ["CS1702"] = ReportDiagnostic.Suppress,
        };

        private NanoCompilation(CSharpCompilation compilation, byte[] image, IReadOnlyList<Diagnostic> diagnostics)
        {
            Compilation = compilation;
            Image = image;
            Diagnostics = diagnostics;
        }

        public CSharpCompilation Compilation { get; }

        /// <summary>The emitted assembly, or null when it has errors.</summary>
        public byte[] Image { get; }

        public IReadOnlyList<Diagnostic> Diagnostics { get; }

        public IReadOnlyList<Diagnostic> Errors => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

        public IReadOnlyList<Diagnostic> Warnings => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).ToList();

        public bool Succeeded => Image != null;

        /// <summary>The assembly as a reference for the projects that use it: its image, or the compilation itself when it
        /// has errors, so a dependent project still shows its own errors.</summary>
        public MetadataReference AsReference() => Image != null
            ? MetadataReference.CreateFromImage(Image, filePath: Compilation.AssemblyName + ".dll")
            : Compilation.ToMetadataReference();

        /// <param name="sources">(path shown in diagnostics, text) per file</param>
        public static NanoCompilation Compile(string assemblyName, OutputKind kind, CSharpParseOptions parseOptions,
            IEnumerable<(string Path, string Text)> sources, IEnumerable<MetadataReference> references,
            bool treatWarningsAsErrors = false, bool allowUnsafe = false)
        {
            var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, parseOptions, s.Path)).ToList();
            var options = new CSharpCompilationOptions(kind,
                optimizationLevel: OptimizationLevel.Release,
                checkOverflow: false,
                allowUnsafe: allowUnsafe,
                nullableContextOptions: NullableContextOptions.Disable,
                generalDiagnosticOption: treatWarningsAsErrors ? ReportDiagnostic.Error : ReportDiagnostic.Default,
                specificDiagnosticOptions: MsBuildNoWarn);
            var compilation = CSharpCompilation.Create(assemblyName, trees, references, options);

            using var image = new MemoryStream();
            var result = compilation.Emit(image);
            var diagnostics = result.Diagnostics
                .Where(d => d.Severity >= DiagnosticSeverity.Warning)
                .OrderBy(d => d.Location.SourceTree?.FilePath ?? "")
                .ThenBy(d => d.Location.SourceSpan.Start)
                .ToList();
            return new NanoCompilation(compilation, result.Success ? image.ToArray() : null, diagnostics);
        }

        /// <summary>Every error (and, after them, every warning) as "path(line,col): error CSnnnn: message", one per line.</summary>
        public string Describe()
        {
            var lines = Errors.Concat(Warnings).Select(d => "  " + d.ToString());
            return string.Join("\n", lines);
        }
    }
}

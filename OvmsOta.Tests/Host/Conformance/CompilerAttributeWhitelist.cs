using System.Collections.Generic;

namespace OvmsOta.Tests.Host.Conformance
{
    /// <summary>
    /// Assembly- and module-level attributes the C# compiler adds by itself on the host. They are the only
    /// references outside the API lists the gate lets through, and only there (never in code).
    /// </summary>
    public static class CompilerAttributeWhitelist
    {
        private static readonly HashSet<string> OnModule = new()
        {
            // [module: RefSafetyRules(11)]: Roslyn adds it whenever the core library has RuntimeFeature.ByRefFields
            // (.NET 7 and later), even at LangVersion 9. nanoFramework's mscorlib has neither that feature nor the
            // attribute, so the device build at C# 9 carries no such attribute (nanoframework.md 4.6 is about C# 11+).
            "T:System.Runtime.CompilerServices.RefSafetyRulesAttribute",
            "M:System.Runtime.CompilerServices.RefSafetyRulesAttribute::.ctor(System.Int32)",
        };

        private static readonly HashSet<string> OnAssembly = new()
        {
            // [assembly: CompilationRelaxations(8)] and [assembly: RuntimeCompatibility(WrapNonExceptionThrows = true)]:
            // Roslyn synthesizes them only when the core library defines the attribute types. .NET's does;
            // nanoFramework's mscorlib does not (absent from mscorlib.txt), so the device build never carries them.
            "T:System.Runtime.CompilerServices.CompilationRelaxationsAttribute",
            "M:System.Runtime.CompilerServices.CompilationRelaxationsAttribute::.ctor(System.Int32)",
            "T:System.Runtime.CompilerServices.RuntimeCompatibilityAttribute",
            "M:System.Runtime.CompilerServices.RuntimeCompatibilityAttribute::.ctor()",
            "M:System.Runtime.CompilerServices.RuntimeCompatibilityAttribute::set_WrapNonExceptionThrows(System.Boolean)",
            // [assembly: Debuggable(...)] needs no entry: DebuggableAttribute is in mscorlib.txt and the device build emits it too.
        };

        private static readonly HashSet<string> OnCompilerGeneratedCode = new()
        {
            // [CompilerGenerated] on auto-property backing fields and <PrivateImplementationDetails>: Roslyn emits it
            // only when the core library defines the type. nanoFramework's mscorlib does not (absent from mscorlib.txt),
            // so the device build simply omits it. It is an attribute with no behaviour; code cannot call into it.
            "T:System.Runtime.CompilerServices.CompilerGeneratedAttribute",
            "M:System.Runtime.CompilerServices.CompilerGeneratedAttribute::.ctor()",
        };

        public static bool Allows(string user, string api) =>
            OnCompilerGeneratedCode.Contains(api)
            || (user == ReferenceCollector.AssemblyUser && OnAssembly.Contains(api))
            || (user == ReferenceCollector.ModuleUser && OnModule.Contains(api));
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Mono.Cecil;

namespace OvmsOta.Tests.Host.Conformance
{
    /// <summary>
    /// Reads a compiled host assembly and lists everything in it the device could not run: each type, method
    /// and field reference that leaves the assembly must be in the nanoFramework API lists; generics, async,
    /// Span, tuples, LINQ, interpolation handlers, missing string.Format overloads, System.Math and
    /// stackalloc are refused with a reason. References into trusted assemblies (our own, gated separately) pass.
    /// On top, the device rules of <see cref="InterpreterRules"/>: what the lists allow but nanoCLR runs differently.
    /// </summary>
    public sealed class ConformanceGate
    {
        private readonly ApiList allowed;
        private readonly HashSet<string> trustedAssemblies;
        private readonly InterpreterRules interpreterRules = InterpreterRules.ForDevice();

        public ConformanceGate(ApiList allowed, params string[] trustedAssemblies)
        {
            this.allowed = allowed ?? throw new ArgumentNullException(nameof(allowed));
            this.trustedAssemblies = new HashSet<string>(trustedAssemblies, StringComparer.Ordinal);
        }

        /// <summary>The gate for OvmsOta.Core: every list but the device-application and test ones.</summary>
        public static ConformanceGate ForCore() => new ConformanceGate(ApiList.ForCore());

        /// <summary>The gate for OvmsOta.Firmware: adds Esp32 and Runtime.Native; OvmsOta.Core is gated on its own.</summary>
        public static ConformanceGate ForFirmware() => new ConformanceGate(ApiList.ForFirmware(), "OvmsOta.Core");

        public IReadOnlyList<GateViolation> Check(string assemblyPath)
        {
            using var module = AssemblyFiles.Read(assemblyPath);
            return Check(module);
        }

        public IReadOnlyList<GateViolation> Check(byte[] assemblyImage)
        {
            using var stream = new MemoryStream(assemblyImage, writable: false);
            using var module = ModuleDefinition.ReadModule(stream);
            return Check(module);
        }

        public IReadOnlyList<GateViolation> Check(ModuleDefinition module)
        {
            var evaluation = new Evaluation(this, module);
            new ReferenceCollector(evaluation).Collect(module);
            evaluation.SweepMetadataTables(module);
            return evaluation.Violations.Concat(interpreterRules.Check(module)).Distinct()
                .OrderBy(v => v.User, StringComparer.Ordinal).ThenBy(v => v.Api, StringComparer.Ordinal).ToList();
        }

        /// <summary>Judges the references of one assembly as the collector reports them.</summary>
        private sealed class Evaluation : IReferenceSink
        {
            private const string MetadataUser = "[metadata]";

            private readonly ConformanceGate gate;
            private readonly ModuleDefinition module;
            private readonly HashSet<GateViolation> found = new();
            private readonly HashSet<string> judged = new(StringComparer.Ordinal);

            public Evaluation(ConformanceGate gate, ModuleDefinition module)
            {
                this.gate = gate;
                this.module = module;
            }

            public IReadOnlyList<GateViolation> Violations =>
                found.OrderBy(v => v.User, StringComparer.Ordinal).ThenBy(v => v.Api, StringComparer.Ordinal).ToList();

            /// <summary>
            /// A safety net under the collector's walk: every TypeRef and MemberRef row of the metadata that
            /// the walk did not already judge is judged too, charged to "[metadata]".
            /// </summary>
            public void SweepMetadataTables(ModuleDefinition module)
            {
                foreach (var type in module.GetTypeReferences())
                {
                    if (!judged.Contains(ApiName.Type(type)))
                        Type(MetadataUser, type);
                }
                foreach (var member in module.GetMemberReferences())
                {
                    if (member is MethodReference method && !judged.Contains(ApiName.Method(method)))
                        Method(MetadataUser, method);
                    else if (member is FieldReference field && !judged.Contains(ApiName.Field(field)))
                        Field(MetadataUser, field);
                }
            }

            public void Type(string user, TypeReference type)
            {
                switch (type)
                {
                    case GenericInstanceType generic:
                        Add(user, ApiName.OfType(generic), "generic instantiation: nanoFramework has no generics");
                        Type(user, generic.ElementType);
                        foreach (var argument in generic.GenericArguments)
                            Type(user, argument);
                        return;
                    case GenericParameter _:
                        // Only reachable through a generic definition or instantiation, both reported already.
                        return;
                    case PointerType _:
                    case FunctionPointerType _:
                        Add(user, ApiName.OfType(type), "pointers (unsafe code) are not supported on nanoFramework");
                        return;
                    case IModifierType modified:
                        Type(user, modified.ModifierType);
                        Type(user, modified.ElementType);
                        return;
                    case TypeSpecification specification:
                        Type(user, specification.ElementType);
                        return;
                }
                if (IsOwnOrTrusted(type))
                    return;
                Judge(user, ApiName.Type(type));
            }

            public void Method(string user, MethodReference method)
            {
                if (method is GenericInstanceMethod generic)
                {
                    Add(user, ApiName.Method(generic) + "<" + string.Join(",", generic.GenericArguments.Select(ApiName.OfType)) + ">",
                        "generic method instantiation: nanoFramework has no generics");
                    foreach (var argument in generic.GenericArguments)
                        Type(user, argument);
                    method = generic.ElementMethod;
                }
                Type(user, method.DeclaringType);
                Type(user, method.ReturnType);
                foreach (var parameter in method.Parameters)
                    Type(user, parameter.ParameterType);
                if (!IsOwnOrTrusted(method.DeclaringType))
                    Judge(user, ApiName.Method(method));
            }

            public void Field(string user, FieldReference field)
            {
                Type(user, field.DeclaringType);
                Type(user, field.FieldType);
                if (!IsOwnOrTrusted(field.DeclaringType))
                    Judge(user, ApiName.Field(field));
            }

            public void NamedArgument(string user, TypeReference attributeType, string api)
            {
                if (!IsOwnOrTrusted(attributeType))
                    Judge(user, api);
            }

            public void Construct(string user, string what, string reason) => Add(user, what, reason);

            private void Judge(string user, string api)
            {
                judged.Add(api);
                if (CompilerAttributeWhitelist.Allows(user, api))
                    return;
                string reason = ForbiddenApis.ReasonFor(api);
                if (reason == null && !gate.allowed.Contains(api))
                    reason = "not in the nanoFramework API lists (" + string.Join(", ", gate.allowed.Files) + ")";
                if (reason != null)
                    Add(user, api, reason);
            }

            private void Add(string user, string api, string reason) => found.Add(new GateViolation(user, api, reason));

            /// <summary>Defined in this module, or in an assembly the gate trusts; array and generic types count as not ours.</summary>
            private bool IsOwnOrTrusted(TypeReference type)
            {
                if (type is TypeSpecification)
                    return false;
                while (type.DeclaringType != null)
                    type = type.DeclaringType;
                if (type is TypeDefinition definition)
                    return definition.Module == module;
                return type.Scope switch
                {
                    ModuleDefinition _ => true,
                    ModuleReference _ => true,
                    AssemblyNameReference assembly => gate.trustedAssemblies.Contains(assembly.Name),
                    _ => false,
                };
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Mono.Cecil;

namespace OvmsOta.Tests.Host.NanoBuild
{
    /// <summary>
    /// The order in which nanoFramework's metadata processor lists an assembly's types when no explicit order is given
    /// (MetadataProcessor.Shared/Tables/nanoTablesContext.cs: GetOrderedTypes, SortTypesAccordingUsages): all types,
    /// nested ones included, sorted by full name; each one is preceded by its declaring type, by the interfaces it
    /// implements from the same assembly, and by the same-assembly return and parameter types of every method its code
    /// calls, depth first. The native checksum walks the types in this order.
    /// </summary>
    public static class MetadataProcessorTypeOrder
    {
        // The processor sorts with OrderBy(FullName), i.e. the culture-aware default string comparer; it runs on
        // en-US Windows machines. Type names are ASCII identifiers, where the invariant culture sorts the same.
        private static readonly StringComparer NameOrder = StringComparer.Create(CultureInfo.InvariantCulture, ignoreCase: false);

        public static List<TypeDefinition> Of(ModuleDefinition module)
        {
            var ordered = new List<TypeDefinition>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var types = module.GetTypes().Where(t => t.FullName != "<Module>").OrderBy(t => t.FullName, NameOrder);
            Visit(types, module, seen, ordered);
            return ordered;
        }

        private static void Visit(IEnumerable<TypeDefinition> types, ModuleDefinition module, HashSet<string> seen, List<TypeDefinition> ordered)
        {
            foreach (var type in types)
            {
                if (seen.Contains(type.FullName))
                    continue;
                if (type.DeclaringType != null)
                    Visit(new[] { type.DeclaringType }, module, seen, ordered);
                Visit(type.Interfaces.Select(i => InModule(i.InterfaceType, module)).Where(t => t != null), module, seen, ordered);
                if (!seen.Add(type.FullName))
                    continue;
                var called = type.Methods.Where(m => m.HasBody)
                    .SelectMany(m => m.Body.Instructions)
                    .Select(i => i.Operand)
                    .OfType<MethodReference>()
                    .SelectMany(SignatureTypes)
                    .Select(t => InModule(t, module))
                    .Where(t => t != null)
                    .ToList();
                Visit(called, module, seen, ordered);
                ordered.Add(type);
            }
        }

        /// <summary>The return type (unless void) and the parameter types of a called method.</summary>
        private static IEnumerable<TypeReference> SignatureTypes(MethodReference method)
        {
            if (method.ReturnType.FullName != "System.Void")
                yield return method.ReturnType;
            foreach (var parameter in method.Parameters)
                yield return parameter.ParameterType;
        }

        /// <summary>
        /// The definition a reference resolves to (arrays and generic instances to their element type, as Cecil's
        /// Resolve does) when it is defined in this module; null otherwise. The processor drops types from other
        /// assemblies after resolving them, so they need no resolving here.
        /// </summary>
        private static TypeDefinition InModule(TypeReference reference, ModuleDefinition module)
        {
            var element = reference.GetElementType();
            if (element is GenericParameter)
                return null;
            if (element is TypeDefinition definition)
                return definition.Module == module ? definition : null;
            return element.Scope == module ? element.Resolve() : null;
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Mono.Cecil;

namespace OvmsOta.Tests.Host.NanoBuild
{
    /// <summary>
    /// The native methods checksum of an assembly, as nanoFramework's metadata processor computes it
    /// (MetadataProcessor.Shared/Utility/NativeMethodsCrc.cs) and writes it into the .pe header and the generated
    /// glue; nanoCLR refuses an assembly whose checksum differs from its native table's ("Invalid native checksum").
    /// <para>
    /// For every class and struct (not interfaces, enums, delegates or excluded types), in
    /// <see cref="MetadataProcessorTypeOrder"/>, for every method (virtual ones, then other instance ones, then
    /// static ones, each group in metadata order): a native method feeds the assembly name, the class name and the
    /// method name (<see cref="NativeMethodName"/>) to <see cref="NanoCrc32"/>; any other method feeds "NULL".
    /// </para>
    /// <para>
    /// The running value is read as 0 until a native method has been counted, so the "NULL"s before the first
    /// native method do not count, and the first native method's assembly and class names do not count either (each
    /// step of it is seeded with 0): the checksum starts from its method name alone.
    /// </para>
    /// </summary>
    public sealed class NativeMethodsChecksum
    {
        private static readonly byte[] NullEntry = Encoding.ASCII.GetBytes("NULL");

        /// <summary>Excluded by every metadata processor run (nanoTablesContext.SetDefaultTypesToExclude).</summary>
        private static readonly string[] DefaultExcludedTypes =
        {
            "ThisAssembly",
            "System.Runtime.CompilerServices.RefSafetyRulesAttribute",
            "System.Runtime.CompilerServices.AccessedThroughPropertyAttribute",
        };

        private const string ExcludeTypeAttribute = "System.Runtime.CompilerServices.ExcludeTypeAttribute";

        private readonly byte[] _assemblyName;
        private uint _crc;
        private int _nativeMethods;

        private NativeMethodsChecksum(string assemblyName)
        {
            _assemblyName = Encoding.ASCII.GetBytes(assemblyName);
        }

        /// <summary>The metadata processor's running value: 0 until the first native method.</summary>
        private uint Current => _nativeMethods > 0 ? _crc : 0;

        /// <summary>The checksum of the assembly in <paramref name="path"/>.</summary>
        public static uint Of(string path, params string[] excludedTypes)
        {
            using var module = ModuleDefinition.ReadModule(path);
            return Of(module, excludedTypes);
        }

        /// <param name="excludedTypes">Full names the build excludes besides the defaults (the processor's ExcludeClassByName).</param>
        public static uint Of(ModuleDefinition module, params string[] excludedTypes)
        {
            var types = MetadataProcessorTypeOrder.Of(module);
            var excluded = new HashSet<string>(DefaultExcludedTypes.Concat(excludedTypes), StringComparer.Ordinal);
            excluded.UnionWith(types.Where(t => t.CustomAttributes.Any(a => a.AttributeType.FullName == ExcludeTypeAttribute)).Select(t => t.FullName));

            var checksum = new NativeMethodsChecksum(module.Assembly.Name.Name);
            foreach (var type in types.Where(t => EntersTheTable(t, excluded)))
            {
                foreach (var method in InTableOrder(type))
                    checksum.Add(type, method);
            }
            return checksum.Current;
        }

        /// <summary>0x24771519: eight upper-case hex digits, as the processor prints it and the glue carries it.</summary>
        public static string Format(uint checksum) => "0x" + checksum.ToString("X8");

        /// <summary>A type's methods as the processor orders them (nanoTablesContext.GetOrderedMethods).</summary>
        public static IEnumerable<MethodDefinition> InTableOrder(TypeDefinition type)
        {
            return type.Methods.Where(m => m.IsVirtual)
                .Concat(type.Methods.Where(m => !(m.IsVirtual || m.IsStatic)))
                .Concat(type.Methods.Where(m => m.IsStatic));
        }

        /// <summary>Classes and structs only (TypeDefinitionExtensions.IncludeInStub), minus the excluded ones and their nested types.</summary>
        private static bool EntersTheTable(TypeDefinition type, HashSet<string> excluded)
        {
            string baseType = type.BaseType?.FullName;
            bool isDelegate = baseType == "System.MulticastDelegate"
                || (baseType == "System.Delegate" && type.FullName != "System.MulticastDelegate");
            if (isDelegate || type.IsEnum || type.IsInterface)
                return false;
            return !excluded.Contains(type.FullName) && !(type.DeclaringType != null && excluded.Contains(type.DeclaringType.FullName));
        }

        private void Add(TypeDefinition type, MethodDefinition method)
        {
            if (!NativeMethodName.IsNative(method))
            {
                _crc = NanoCrc32.Compute(NullEntry, Current);
                return;
            }
            // Each step is seeded with Current, which stays 0 until the count below is incremented.
            _crc = NanoCrc32.Compute(_assemblyName, Current);
            _crc = NanoCrc32.Compute(Encoding.ASCII.GetBytes(NativeMethodName.OfClass(type)), Current);
            _crc = NanoCrc32.Compute(Encoding.ASCII.GetBytes(NativeMethodName.OfMethod(method)), Current);
            _nativeMethods++;
        }
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace OvmsOta.Tests.Host.NanoBuild
{
    /// <summary>
    /// Fills a <see cref="StringTable"/> with what nanoFramework's metadata processor writes into one assembly's
    /// string table, read from a host build with Mono.Cecil. What enters it (nanoframework/metadata-processor,
    /// MetadataProcessor.Shared/):
    /// <list type="bullet">
    /// <item>the assembly's own name (nanoAssemblyBuilder.cs GetTables, nanoAssemblyDefinition.cs);</item>
    /// <item>the names of referenced assemblies (Tables/nanoAssemblyReferenceTable.cs);</item>
    /// <item>namespace and name of every type reference (Tables/nanoTypeReferenceTable.cs);</item>
    /// <item>the name of every field and method reference (Tables/nanoTablesContext.cs);</item>
    /// <item>namespace and name of every type definition, the names of its fields except constants, and of its
    /// methods (Tables/nanoTypeDefinitionTable.cs, Tables/nanoStringTable.cs RemoveUnusedItems);</item>
    /// <item>every ldstr operand (Mono.Cecil/CodeWriter.cs, Tables/nanoByteCodeTable.cs);</item>
    /// <item>string arguments, named-argument names and typeof() full names of the attributes on types, fields and
    /// methods (Tables/nanoSignaturesTable.cs GetSignature(CustomAttribute));</item>
    /// <item>embedded resource names, as .nanoresources (Tables/nanoResourceFileTable.cs).</item>
    /// </list>
    /// Parameter, property, event and local names are not stored, nor are assembly-level attributes.
    /// Where this cannot be sure to match the device build it counts more, never less:
    /// <list type="bullet">
    /// <item>the processor's built-in table of about 860 common names (Utility/nanoStringsConstants.cs: ".ctor",
    /// "ToString", "System", "Object", "get_Length", "value" ...) costs nothing on the device; here each counts;</item>
    /// <item>the processor drops unused references and the attributes it ignores (nanoAssemblyBuilder.cs Minimize,
    /// nanoTablesContext.IgnoringAttributes); here every reference and every attribute counts;</item>
    /// <item>the host build references .NET's assemblies where the device build references nanoFramework's, so
    /// the caller passes the device's declared references too and both sets count.</item>
    /// </list>
    /// What the host build has and the device's has not is left out when the caller names it: the strings the host
    /// compiler passes for MSTest's caller-information parameters (see <see cref="TestProjectCompiler"/>), one per
    /// use. Exactly that many uses (ldstr or attribute argument) are skipped: a string also used elsewhere still counts.
    /// </summary>
    public static class StringTableCounter
    {
        public static StringTable Count(ModuleDefinition module, IEnumerable<string> deviceAssemblyReferences, IEnumerable<string> hostOnlyLiterals = null)
        {
            var table = new StringTable();
            table.Add(module.Assembly.Name.Name, StringKind.Name);

            foreach (var name in module.AssemblyReferences.Select(r => r.Name).Concat(deviceAssemblyReferences))
                table.Add(name, StringKind.Name);

            foreach (var type in module.GetTypeReferences())
            {
                table.Add(type.Namespace, StringKind.Name);
                table.Add(type.Name, StringKind.Name);
            }

            foreach (var member in module.GetMemberReferences())
                table.Add(member.Name, StringKind.Name);

            var literals = new LiteralSink(table, hostOnlyLiterals ?? Enumerable.Empty<string>());
            foreach (var type in module.GetTypes().Where(t => t.FullName != "<Module>"))
                AddType(table, type, literals);

            foreach (var resource in module.Resources.OfType<EmbeddedResource>())
                table.Add(Path.ChangeExtension(resource.Name, ".nanoresources"), StringKind.Name);

            return table;
        }

        private static void AddType(StringTable table, TypeDefinition type, LiteralSink literals)
        {
            table.Add(type.Namespace, StringKind.Name);
            table.Add(type.Name, StringKind.Name);
            AddAttributes(table, type, literals);

            // Constants are folded into the IL that uses them and get no field entry (nanoTablesContext: !HasConstant).
            foreach (var field in type.Fields.Where(f => !f.HasConstant))
            {
                table.Add(field.Name, StringKind.Name);
                AddAttributes(table, field, literals);
            }

            foreach (var method in type.Methods)
            {
                table.Add(method.Name, StringKind.Name);
                AddAttributes(table, method, literals);
                if (!method.HasBody)
                    continue;
                foreach (var instruction in method.Body.Instructions)
                {
                    if (instruction.OpCode.Code == Code.Ldstr)
                        literals.Add((string)instruction.Operand);
                }
            }
        }

        private static void AddAttributes(StringTable table, ICustomAttributeProvider owner, LiteralSink literals)
        {
            foreach (var attribute in owner.CustomAttributes)
            {
                foreach (var argument in attribute.ConstructorArguments)
                    AddArgument(literals, argument);
                foreach (var named in attribute.Fields.Concat(attribute.Properties))
                {
                    table.Add(named.Name, StringKind.Name);
                    AddArgument(literals, named.Argument);
                }
            }
        }

        /// <summary>Strings stored by value; object[] arguments ([DataRow(...)]) element by element; typeof() as its full name.</summary>
        private static void AddArgument(LiteralSink literals, CustomAttributeArgument argument)
        {
            switch (argument.Value)
            {
                case string text:
                    literals.Add(text);
                    break;
                case TypeReference type:
                    literals.Add(type.FullName);
                    break;
                case CustomAttributeArgument boxed:
                    AddArgument(literals, boxed);
                    break;
                case CustomAttributeArgument[] elements:
                    foreach (var element in elements)
                        AddArgument(literals, element);
                    break;
            }
        }

        /// <summary>Adds each use of a literal to the table, except the uses the caller said the device build lacks.</summary>
        private sealed class LiteralSink
        {
            private readonly StringTable table;
            private readonly Dictionary<string, int> hostOnlyUses = new(StringComparer.Ordinal);

            public LiteralSink(StringTable table, IEnumerable<string> hostOnlyLiterals)
            {
                this.table = table;
                foreach (var literal in hostOnlyLiterals)
                    hostOnlyUses[literal] = hostOnlyUses.GetValueOrDefault(literal) + 1;
            }

            public void Add(string literal)
            {
                if (literal != null && hostOnlyUses.GetValueOrDefault(literal) > 0)
                    hostOnlyUses[literal]--;
                else
                    table.Add(literal, StringKind.Literal);
            }
        }
    }
}

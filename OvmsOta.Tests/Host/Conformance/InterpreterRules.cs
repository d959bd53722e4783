using System;
using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace OvmsOta.Tests.Host.Conformance
{
    /// <summary>
    /// What compiles and runs on .NET but fails on nanoCLR, as measured on the real interpreter, checked on the IL:
    /// MemoryStream (cannot grow or seek past 65,535 bytes), checked arithmetic (add.ovf runs as add: nothing throws),
    /// Enum.ToString (prints the number or throws), generic delegates (crash nanoCLR while it loads the assembly),
    /// a constant array length above 700 KB (nanoCLR's largest object is about 786 KB) and a null custom-attribute
    /// argument (the metadata processor crashes on it). The API-list rules live in ConformanceGate; these need
    /// no lists, so they also run over the portable tests, which use MSTest types on the host.
    /// </summary>
    public sealed class InterpreterRules
    {
        /// <summary>The largest single allocation portable code may make (nanoCLR refuses objects above about 786 KB).</summary>
        public const int LargestAllocation = OvmsOta.Tests.Portable.NanoClrLimits.LargestAllocation;

        /// <summary>nanoCLR keeps a reference or struct array element as one 12-byte heap block (CLR_RT_HeapBlock).</summary>
        private const int HeapBlockSize = 12;

        private const string MemoryStreamType = "System.IO.MemoryStream";
        private const string PortableNamespace = "OvmsOta.Tests.Portable";

        private const string GrowingStreamReason = "nanoFramework's MemoryStream cannot grow past 65,535 bytes (\"Value does not fall within the expected range\"): "
            + "write into an array sized up front (test helpers: ByteBuffer)";
        private const string AnyStreamReason = "nanoFramework's MemoryStream refuses to grow, seek or set Position past 65,535 bytes, even over a "
            + "larger array: device code reads the streams it is given and keeps bytes in arrays it sizes itself";
        private const string CheckedReason = "nanoCLR never throws OverflowException (it runs add.ovf as add): compare against the limit before the arithmetic";
        private const string EnumTextReason = "on nanoCLR Enum.ToString prints the number or throws NullReferenceException: print a name from the enum's name table";
        private const string GenericDelegateReason = "a generic delegate compiles for nanoFramework but crashes nanoCLR while it loads the assembly: "
            + "use a non-generic delegate (System.Action) or an interface";
        private const string NullAttributeReason = "nanoFramework's metadata processor crashes on a null attribute argument: "
            + "pass a value, or give the null case its own test method";

        private readonly bool fixedMemoryStreamsAllowed;
        private readonly string namespacePrefix;

        private InterpreterRules(bool fixedMemoryStreamsAllowed, string namespacePrefix)
        {
            this.fixedMemoryStreamsAllowed = fixedMemoryStreamsAllowed;
            this.namespacePrefix = namespacePrefix;
        }

        /// <summary>
        /// Device assemblies (Core, Firmware): every rule over every member, and no MemoryStream at all: even one over
        /// a fixed array refuses Position and Seek past 65,535, and device code has no need to make a stream.
        /// </summary>
        public static InterpreterRules ForDevice() => new InterpreterRules(false, null);

        /// <summary>
        /// The portable tests inside OvmsOta.Tests.dll (namespace OvmsOta.Tests.Portable): every rule, but a MemoryStream
        /// over a fixed array (new MemoryStream(byte[])) is allowed: it cannot grow, and tests use it only to hand an
        /// image to code that reads it front to back (reads past 64 KB work; only Position/Seek/growth are capped).
        /// </summary>
        public static InterpreterRules ForPortableTests() => new InterpreterRules(true, PortableNamespace);

        public IReadOnlyList<GateViolation> Check(string assemblyPath)
        {
            using var module = AssemblyFiles.Read(assemblyPath);
            return Check(module);
        }

        public IReadOnlyList<GateViolation> Check(ModuleDefinition module)
        {
            var found = new HashSet<GateViolation>();
            var sink = new GenericDelegateSink(this, found);
            new ReferenceCollector(sink).Collect(module);
            CheckAttributes(ReferenceCollector.AssemblyUser, module.Assembly.CustomAttributes, found);
            CheckAttributes(ReferenceCollector.ModuleUser, module.CustomAttributes, found);
            foreach (var type in module.GetTypes())
            {
                string typeUser = ApiName.OfType(type);
                CheckAttributes(typeUser, type.CustomAttributes, found);
                foreach (var field in type.Fields)
                    CheckAttributes(ApiName.Member(type, field.Name), field.CustomAttributes, found);
                foreach (var property in type.Properties)
                    CheckAttributes(ApiName.Member(type, property.Name), property.CustomAttributes, found);
                foreach (var method in type.Methods)
                {
                    string user = ApiName.Member(type, method.Name);
                    CheckAttributes(user, method.CustomAttributes, found);
                    foreach (var parameter in method.Parameters)
                        CheckAttributes(user, parameter.CustomAttributes, found);
                    if (method.HasBody && InScope(user))
                        CheckBody(user, method.Body, found);
                }
            }
            return found.OrderBy(v => v.User, StringComparer.Ordinal).ThenBy(v => v.Api, StringComparer.Ordinal).ToList();
        }

        private bool InScope(string user) =>
            namespacePrefix == null || user.StartsWith(namespacePrefix + ".", StringComparison.Ordinal);

        private void CheckBody(string user, MethodBody body, HashSet<GateViolation> found)
        {
            foreach (var instruction in body.Instructions)
            {
                string opcode = instruction.OpCode.Name;
                if (opcode.Contains(".ovf", StringComparison.Ordinal))
                    found.Add(new GateViolation(user, opcode + " (checked arithmetic)", CheckedReason));

                switch (instruction.OpCode.Code)
                {
                    case Code.Newobj:
                    case Code.Call:
                        CheckMemoryStream(user, (MethodReference)instruction.Operand, found);
                        break;
                    case Code.Newarr:
                        CheckAllocation(user, instruction, found);
                        break;
                }
                string enumText = EnumText.Describe(instruction);
                if (enumText != null)
                    found.Add(new GateViolation(user, enumText, EnumTextReason));
            }
        }

        private void CheckMemoryStream(string user, MethodReference method, HashSet<GateViolation> found)
        {
            if (method.Name != ".ctor" || ApiName.OfType(method.DeclaringType) != MemoryStreamType)
                return;
            bool overFixedArray = method.Parameters.Count > 0 && method.Parameters[0].ParameterType.FullName == "System.Byte[]";
            if (!overFixedArray)
                found.Add(new GateViolation(user, ApiName.Method(method) + " (a MemoryStream that grows)", GrowingStreamReason));
            else if (!fixedMemoryStreamsAllowed)
                found.Add(new GateViolation(user, ApiName.Method(method), AnyStreamReason));
        }

        /// <summary>newarr right after a constant length: the array's size on nanoCLR against LargestAllocation.</summary>
        private static void CheckAllocation(string user, Instruction newarr, HashSet<GateViolation> found)
        {
            if (newarr.Previous == null || !TryConstant(newarr.Previous, out long length))
                return;
            var element = (TypeReference)newarr.Operand;
            long bytes = length * ElementSize(element);
            if (bytes > LargestAllocation)
                found.Add(new GateViolation(user, "new " + ApiName.OfType(element) + "[" + length + "] (" + bytes + " bytes)",
                    "nanoCLR allocates no object above about 786 KB: keep every array under " + LargestAllocation
                    + " bytes (flash simulations keep one array per sector; compare large regions piece by piece)"));
        }

        private static bool TryConstant(Instruction instruction, out long value)
        {
            switch (instruction.OpCode.Code)
            {
                case Code.Ldc_I4:
                    value = (int)instruction.Operand;
                    return true;
                case Code.Ldc_I4_S:
                    value = (sbyte)instruction.Operand;
                    return true;
                case Code.Ldc_I8:
                    value = (long)instruction.Operand;
                    return true;
            }
            // ldc.i4.0 .. ldc.i4.8 and ldc.i4.m1 are all far below the limit.
            value = 0;
            return false;
        }

        private static int ElementSize(TypeReference element)
        {
            switch (element.MetadataType)
            {
                case MetadataType.Boolean:
                case MetadataType.Byte:
                case MetadataType.SByte:
                    return 1;
                case MetadataType.Char:
                case MetadataType.Int16:
                case MetadataType.UInt16:
                    return 2;
                case MetadataType.Int32:
                case MetadataType.UInt32:
                case MetadataType.Single:
                    return 4;
                case MetadataType.Int64:
                case MetadataType.UInt64:
                case MetadataType.Double:
                    return 8;
                default:
                    return HeapBlockSize;
            }
        }

        private void CheckAttributes(string user, IEnumerable<CustomAttribute> attributes, HashSet<GateViolation> found)
        {
            if (!InScope(user))
                return;
            foreach (var attribute in attributes)
            {
                string name = ApiName.OfType(attribute.AttributeType);
                bool hasNull = attribute.ConstructorArguments.Any(HoldsNull)
                    || attribute.Properties.Any(p => HoldsNull(p.Argument))
                    || attribute.Fields.Any(f => HoldsNull(f.Argument));
                if (hasNull)
                    found.Add(new GateViolation(user, "[" + name + "] with a null argument", NullAttributeReason));
            }
        }

        private static bool HoldsNull(CustomAttributeArgument argument)
        {
            switch (argument.Value)
            {
                case null:
                    return true;
                case CustomAttributeArgument boxed:
                    return HoldsNull(boxed);
                case CustomAttributeArgument[] elements:
                    return elements.Any(HoldsNull);
                default:
                    return false;
            }
        }

        /// <summary>Reports every generic delegate type an in-scope member mentions (Func`N, Action`N, Predicate`1 ...).</summary>
        private sealed class GenericDelegateSink : IReferenceSink
        {
            private readonly InterpreterRules rules;
            private readonly HashSet<GateViolation> found;

            public GenericDelegateSink(InterpreterRules rules, HashSet<GateViolation> found)
            {
                this.rules = rules;
                this.found = found;
            }

            public void Type(string user, TypeReference type)
            {
                if (!rules.InScope(user))
                    return;
                switch (type)
                {
                    case GenericInstanceType generic:
                        if (IsDelegate(generic.ElementType))
                            found.Add(new GateViolation(user, ApiName.OfType(generic), GenericDelegateReason));
                        foreach (var argument in generic.GenericArguments)
                            Type(user, argument);
                        return;
                    case TypeSpecification specification:
                        Type(user, specification.ElementType);
                        return;
                }
            }

            public void Method(string user, MethodReference method)
            {
                if (method is GenericInstanceMethod generic)
                {
                    foreach (var argument in generic.GenericArguments)
                        Type(user, argument);
                    method = generic.ElementMethod;
                }
                Type(user, method.DeclaringType);
                Type(user, method.ReturnType);
                foreach (var parameter in method.Parameters)
                    Type(user, parameter.ParameterType);
            }

            public void Field(string user, FieldReference field)
            {
                Type(user, field.DeclaringType);
                Type(user, field.FieldType);
            }

            public void NamedArgument(string user, TypeReference attributeType, string api)
            {
            }

            public void Construct(string user, string what, string reason)
            {
            }

            private static bool IsDelegate(TypeReference type)
            {
                var definition = AssemblyFiles.TryResolve(type);
                if (definition != null)
                    return definition.BaseType != null && definition.BaseType.FullName == "System.MulticastDelegate";
                // Unresolvable: judge by the names .NET and nanoFramework give their generic delegates.
                string name = ApiName.OfType(type);
                return name.StartsWith("System.Func`", StringComparison.Ordinal) || name.StartsWith("System.Action`", StringComparison.Ordinal)
                    || name == "System.Predicate`1" || name == "System.Comparison`1" || name == "System.Converter`2" || name == "System.EventHandler`1";
            }
        }
    }
}

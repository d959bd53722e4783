using System;
using System.Collections.Generic;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace OvmsOta.Tests.Host.Conformance
{
    /// <summary>
    /// Walks everything an assembly declares and reports each type, method and field it references,
    /// naming the member of ours that does: base types, interfaces, field/property/event types,
    /// signatures, locals, catch types, IL operands and custom attributes at every level.
    /// </summary>
    public sealed class ReferenceCollector
    {
        public const string AssemblyUser = "[assembly]";
        public const string ModuleUser = "[module]";

        private readonly IReferenceSink sink;

        public ReferenceCollector(IReferenceSink sink)
        {
            this.sink = sink ?? throw new ArgumentNullException(nameof(sink));
        }

        public void Collect(ModuleDefinition module)
        {
            Attributes(AssemblyUser, module.Assembly.CustomAttributes);
            Attributes(ModuleUser, module.CustomAttributes);
            foreach (var type in module.GetTypes())
                CollectType(type);
        }

        private void CollectType(TypeDefinition type)
        {
            string user = ApiName.OfType(type);
            if (type.HasGenericParameters)
                sink.Construct(user, "generic type definition " + user, "nanoFramework has no generics: use object, arrays or ArrayList");
            if (IsFrameworkNamespace(type.Namespace))
                sink.Construct(user, "type " + user + " declared in a framework namespace",
                    "a compiler-embedded or hand-made framework type; the device's own assemblies define these names (C# 11+ embedded attributes shift native method tables)");
            if (type.BaseType != null)
                sink.Type(user, type.BaseType);
            foreach (var implementation in type.Interfaces)
            {
                sink.Type(user, implementation.InterfaceType);
                Attributes(user, implementation.CustomAttributes);
            }
            Attributes(user, type.CustomAttributes);

            foreach (var field in type.Fields)
            {
                string fieldUser = ApiName.Member(type, field.Name);
                sink.Type(fieldUser, field.FieldType);
                Attributes(fieldUser, field.CustomAttributes);
            }
            foreach (var property in type.Properties)
            {
                string propertyUser = ApiName.Member(type, property.Name);
                sink.Type(propertyUser, property.PropertyType);
                Attributes(propertyUser, property.CustomAttributes);
            }
            foreach (var @event in type.Events)
            {
                string eventUser = ApiName.Member(type, @event.Name);
                sink.Type(eventUser, @event.EventType);
                Attributes(eventUser, @event.CustomAttributes);
            }
            foreach (var method in type.Methods)
                CollectMethod(type, method);
        }

        private void CollectMethod(TypeDefinition type, MethodDefinition method)
        {
            string user = ApiName.Member(type, method.Name);
            if (method.HasGenericParameters)
                sink.Construct(user, "generic method definition " + user, "nanoFramework has no generics: use object, arrays or ArrayList");
            sink.Type(user, method.ReturnType);
            Attributes(user, method.MethodReturnType.CustomAttributes);
            foreach (var parameter in method.Parameters)
            {
                sink.Type(user, parameter.ParameterType);
                Attributes(user, parameter.CustomAttributes);
            }
            Attributes(user, method.CustomAttributes);
            foreach (var overridden in method.Overrides)
                sink.Method(user, overridden);
            if (method.HasBody)
                CollectBody(user, method.Body);
        }

        private void CollectBody(string user, MethodBody body)
        {
            foreach (var variable in body.Variables)
                sink.Type(user, variable.VariableType);
            foreach (var handler in body.ExceptionHandlers)
            {
                if (handler.CatchType != null)
                    sink.Type(user, handler.CatchType);
            }
            foreach (var instruction in body.Instructions)
            {
                if (instruction.OpCode.Code == Code.Localloc)
                    sink.Construct(user, "stackalloc (localloc)", "nanoFramework cannot allocate on the stack: use a fixed byte[] buffer");
                switch (instruction.Operand)
                {
                    case TypeReference type:
                        sink.Type(user, type);
                        break;
                    case MethodReference method:
                        sink.Method(user, method);
                        break;
                    case FieldReference field:
                        sink.Field(user, field);
                        break;
                    case CallSite callSite:
                        sink.Construct(user, "calli through a function pointer", "nanoFramework has no function pointers");
                        sink.Type(user, callSite.ReturnType);
                        foreach (var parameter in callSite.Parameters)
                            sink.Type(user, parameter.ParameterType);
                        break;
                }
            }
        }

        private void Attributes(string user, IEnumerable<CustomAttribute> attributes)
        {
            foreach (var attribute in attributes)
            {
                sink.Method(user, attribute.Constructor);
                foreach (var argument in attribute.ConstructorArguments)
                    Argument(user, argument);
                foreach (var named in attribute.Properties)
                {
                    Argument(user, named.Argument);
                    sink.NamedArgument(user, attribute.AttributeType,
                        "M:" + ApiName.OfType(attribute.AttributeType) + "::set_" + named.Name + "(" + ApiName.OfType(named.Argument.Type) + ")");
                }
                foreach (var named in attribute.Fields)
                {
                    Argument(user, named.Argument);
                    sink.NamedArgument(user, attribute.AttributeType, "F:" + ApiName.OfType(attribute.AttributeType) + "::" + named.Name);
                }
            }
        }

        private void Argument(string user, CustomAttributeArgument argument)
        {
            sink.Type(user, argument.Type);
            switch (argument.Value)
            {
                case TypeReference typeOf:
                    sink.Type(user, typeOf);
                    break;
                case CustomAttributeArgument boxed:
                    Argument(user, boxed);
                    break;
                case CustomAttributeArgument[] elements:
                    foreach (var element in elements)
                        Argument(user, element);
                    break;
            }
        }

        private static bool IsFrameworkNamespace(string ns) =>
            ns == "System" || ns == "Microsoft"
            || ns.StartsWith("System.", StringComparison.Ordinal) || ns.StartsWith("Microsoft.", StringComparison.Ordinal);
    }
}

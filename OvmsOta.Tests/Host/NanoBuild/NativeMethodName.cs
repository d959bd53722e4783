using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;

namespace OvmsOta.Tests.Host.NanoBuild
{
    /// <summary>
    /// The names nanoFramework's metadata processor gives a class and a method in the native glue and feeds to the
    /// native checksum (MetadataProcessor.Shared/Utility/NativeMethodsCrc.cs: GetClassName, GetMethodName,
    /// GetParameterType, GetnanoClrTypeName), quirks included, e.g.
    /// <c>OvmsOta_Native_NativeFlash</c> and <c>Read___STATIC__I4__STRING__I4__SZARRAY_U1__I4__I4</c>.
    /// </summary>
    public static class NativeMethodName
    {
        // nanoSignaturesTable.PrimitiveTypes, already stripped of the DATATYPE_ prefix.
        private static readonly Dictionary<string, string> Primitives = new()
        {
            ["System.Void"] = "VOID",
            ["System.SByte"] = "I1", ["System.Int16"] = "I2", ["System.Int32"] = "I4", ["System.Int64"] = "I8",
            ["System.Byte"] = "U1", ["System.UInt16"] = "U2", ["System.UInt32"] = "U4", ["System.UInt64"] = "U8",
            ["System.Single"] = "R4", ["System.Double"] = "R8",
            ["System.Char"] = "CHAR", ["System.String"] = "STRING", ["System.Boolean"] = "BOOLEAN",
            ["System.Object"] = "OBJECT", ["System.IntPtr"] = "I4", ["System.UIntPtr"] = "U4",
            ["System.WeakReference"] = "WEAKCLASS",
        };

        /// <summary>A method without IL that is not abstract: extern (InternalCall) methods, the ones nanoCLR looks up natively.</summary>
        public static bool IsNative(MethodDefinition method) => method.RVA == 0 && !method.IsAbstract;

        /// <summary>Declaring classes, namespace and name joined by '_', dots made '_', leading '_' trimmed.</summary>
        public static string OfClass(TypeDefinition type)
        {
            if (type == null)
                return "";
            return string.Join("_", OfClass(type.DeclaringType), type.Namespace, type.Name).Replace(".", "_").TrimStart('_');
        }

        /// <summary>Name___[STATIC__]RETURN__PARAM1__PARAM2..., dots made '_' and '/' (nested types) dropped.</summary>
        public static string OfMethod(MethodDefinition method)
        {
            var types = new[] { method.ReturnType }.Concat(method.Parameters.Select(p => p.ParameterType));
            string name = method.Name + (method.IsStatic ? "___STATIC__" : "___") + string.Join("__", types.Select(OfType));
            return name.Replace(".", "_").Replace("/", "");
        }

        /// <summary>
        /// I4, STRING, SZARRAY_U1, BYREF_I4, or the full name without dots for any other type. As in the metadata
        /// processor, an array names its innermost element type (Cecil's GetElementType), so byte[][] is SZARRAY_U1 too.
        /// </summary>
        public static string OfType(TypeReference type)
        {
            if (type.IsArray)
                return "SZARRAY_" + OfType(type.GetElementType());
            if (type.IsByReference)
            {
                var element = ((TypeSpecification)type).ElementType;
                return "BYREF_" + (element.IsArray ? "SZARRAY_" + OfType(((TypeSpecification)element).ElementType) : OfElement(element));
            }
            return OfElement(type);
        }

        private static string OfElement(TypeReference type)
        {
            if (Primitives.TryGetValue(type.FullName, out string primitive))
                return primitive;
            if (type.IsGenericParameter)
                return "GENERICTYPE";
            // The processor strips "DATATYPE_" from the whole result, so it goes from a type name too.
            return type.FullName.Replace(".", "").Replace("DATATYPE_", "");
        }
    }
}

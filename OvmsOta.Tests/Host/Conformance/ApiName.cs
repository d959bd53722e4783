using System.Linq;
using Mono.Cecil;

namespace OvmsOta.Tests.Host.Conformance
{
    /// <summary>
    /// Spells Cecil references the way the API lists do: T:Ns.Type, M:Ns.Type::Name(ParamType,...),
    /// F:Ns.Type::Name; nested types as Outer+Inner, arrays as [], by-ref as &amp;.
    /// </summary>
    public static class ApiName
    {
        public static string Type(TypeReference type) => "T:" + OfType(type);

        public static string Method(MethodReference method)
        {
            if (method is GenericInstanceMethod instance)
                method = instance.ElementMethod;
            return "M:" + OfType(method.DeclaringType) + "::" + method.Name
                + "(" + string.Join(",", method.Parameters.Select(p => OfType(p.ParameterType))) + ")";
        }

        public static string Field(FieldReference field) => "F:" + OfType(field.DeclaringType) + "::" + field.Name;

        /// <summary>How a member of ours is named in a violation: Ns.Type::Member.</summary>
        public static string Member(TypeReference declaringType, string memberName) => OfType(declaringType) + "::" + memberName;

        /// <summary>The type name without prefix, e.g. System.Byte[], Outer+Inner, List`1&lt;System.Int32&gt;.</summary>
        public static string OfType(TypeReference type)
        {
            switch (type)
            {
                case GenericInstanceType generic:
                    return OfType(generic.ElementType) + "<" + string.Join(",", generic.GenericArguments.Select(OfType)) + ">";
                case ArrayType array:
                    return OfType(array.ElementType) + "[" + new string(',', array.Rank - 1) + "]";
                case ByReferenceType byReference:
                    return OfType(byReference.ElementType) + "&";
                case PointerType pointer:
                    return OfType(pointer.ElementType) + "*";
                case TypeSpecification other:
                    // modreq/modopt, pinned, sentinel: the list format has no spelling for them.
                    return OfType(other.ElementType);
                case GenericParameter parameter:
                    return parameter.Name;
            }
            if (type.IsNested)
                return OfType(type.DeclaringType) + "+" + type.Name;
            return string.IsNullOrEmpty(type.Namespace) ? type.Name : type.Namespace + "." + type.Name;
        }
    }
}

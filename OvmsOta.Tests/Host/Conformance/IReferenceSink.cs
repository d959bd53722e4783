using Mono.Cecil;

namespace OvmsOta.Tests.Host.Conformance
{
    /// <summary>Receives every reference ReferenceCollector finds, with the member of ours that makes it.</summary>
    public interface IReferenceSink
    {
        void Type(string user, TypeReference type);

        void Method(string user, MethodReference method);

        void Field(string user, FieldReference field);

        /// <summary>A named argument of a custom attribute: the setter or field it assigns, spelled as in the lists.</summary>
        void NamedArgument(string user, TypeReference attributeType, string api);

        /// <summary>A construct of our own code the device cannot run (a generic definition, stackalloc ...).</summary>
        void Construct(string user, string what, string reason);
    }
}

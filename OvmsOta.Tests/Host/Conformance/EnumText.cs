using Mono.Cecil;
using Mono.Cecil.Cil;

namespace OvmsOta.Tests.Host.Conformance
{
    /// <summary>
    /// Finds IL that turns an enum value into text through Enum.ToString, which nanoCLR cannot do (it prints the
    /// number or throws). Three shapes: a direct call to Enum::ToString; `constrained. E callvirt Object::ToString`
    /// (what `e.ToString()` and `"x" + e` compile to); and `box E` whose value goes into text-making code, directly
    /// (string.Concat(Object...), StringBuilder.Append(Object)) or through an object[] element into string.Format.
    /// A boxed enum handed to code of ours that prints it later is beyond what the IL shows; tests cover that.
    /// </summary>
    public static class EnumText
    {
        /// <summary>What the instruction does with an enum's text, or null when it does nothing of the kind.</summary>
        public static string Describe(Instruction instruction)
        {
            switch (instruction.OpCode.Code)
            {
                case Code.Call:
                case Code.Callvirt:
                    var method = (MethodReference)instruction.Operand;
                    if (method.Name == "ToString" && method.DeclaringType.FullName == "System.Enum")
                        return "call " + ApiName.Method(method);
                    return null;
                case Code.Constrained:
                    var constrainedTo = (TypeReference)instruction.Operand;
                    if (IsEnum(constrainedTo) && instruction.Next?.Operand is MethodReference virtualCall && virtualCall.Name == "ToString")
                        return "ToString() of enum " + ApiName.OfType(constrainedTo);
                    return null;
                case Code.Box:
                    var boxed = (TypeReference)instruction.Operand;
                    if (!IsEnum(boxed))
                        return null;
                    var textMaker = TextMakerReached(instruction.Next);
                    return textMaker == null ? null : "enum " + ApiName.OfType(boxed) + " boxed into " + textMaker;
                default:
                    return null;
            }
        }

        /// <summary>The text-making method a freshly boxed value reaches, directly or as an element of an object[].</summary>
        private static string TextMakerReached(Instruction afterBox)
        {
            var consumer = StackFlow.ConsumerOf(afterBox, 0);
            if (consumer != null && consumer.OpCode.Code == Code.Stelem_Ref)
            {
                // new object[] { ..., e, ... }: the compiler keeps the array on the stack under the element (dup);
                // follow the array to the call it is passed to.
                consumer = StackFlow.ConsumerOf(consumer.Next, 0);
            }
            if (consumer?.Operand is MethodReference method && MakesText(method))
                return ApiName.Method(method);
            return null;
        }

        private static bool MakesText(MethodReference method)
        {
            string type = method.DeclaringType.FullName;
            switch (type)
            {
                case "System.String":
                    return method.Name == "Concat" || method.Name == "Format" || method.Name == "Join";
                case "System.Text.StringBuilder":
                    return method.Name == "Append" || method.Name == "AppendFormat" || method.Name == "Insert" || method.Name == "AppendLine";
                case "System.Object":
                case "System.Enum":
                case "System.ValueType":
                    return method.Name == "ToString";
                case "System.Convert":
                    return method.Name == "ToString";
                default:
                    return false;
            }
        }

        private static bool IsEnum(TypeReference type)
        {
            if (type is GenericParameter || type is TypeSpecification)
                return false;
            var definition = AssemblyFiles.TryResolve(type);
            return definition != null && definition.IsEnum;
        }
    }
}

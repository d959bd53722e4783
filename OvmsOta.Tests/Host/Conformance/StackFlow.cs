using Mono.Cecil;
using Mono.Cecil.Cil;

namespace OvmsOta.Tests.Host.Conformance
{
    /// <summary>
    /// Follows one value on the IL evaluation stack to the instruction that pops it, through straight code and
    /// unconditional branches (a conditional branch is followed on its fall-through path). Enough to see where
    /// the compiler sends a boxed value in the patterns it emits for concatenation and string.Format.
    /// </summary>
    public static class StackFlow
    {
        private const int MaxSteps = 500;

        /// <summary>
        /// The instruction that pops the value sitting depth slots below the top of the stack just before start
        /// (0: the top), or null where the flow cannot be followed (return, throw, switch, dup of the value).
        /// </summary>
        public static Instruction ConsumerOf(Instruction start, int depth)
        {
            var instruction = start;
            for (int step = 0; instruction != null && step < MaxSteps; step++)
            {
                var code = instruction.OpCode.Code;
                if (code == Code.Dup)
                {
                    // The copy goes on top; keep following the original under it.
                    depth++;
                    instruction = instruction.Next;
                    continue;
                }
                int pops = Pops(instruction);
                if (pops < 0)
                    return null;
                if (pops > depth)
                    return instruction;
                depth = depth - pops + Pushes(instruction);
                switch (instruction.OpCode.FlowControl)
                {
                    case FlowControl.Branch:
                        instruction = instruction.Operand as Instruction;
                        continue;
                    case FlowControl.Return:
                    case FlowControl.Throw:
                        return null;
                }
                if (code == Code.Switch || code == Code.Leave || code == Code.Leave_S || code == Code.Endfinally)
                    return null;
                instruction = instruction.Next;
            }
            return null;
        }

        /// <summary>How many values the instruction pops; -1 when that is not known here.</summary>
        public static int Pops(Instruction instruction)
        {
            if (instruction.OpCode.Code == Code.Calli)
                return -1;
            if (instruction.Operand is MethodReference method
                && (instruction.OpCode.Code == Code.Call || instruction.OpCode.Code == Code.Callvirt || instruction.OpCode.Code == Code.Newobj))
            {
                int arguments = method.Parameters.Count;
                return instruction.OpCode.Code != Code.Newobj && method.HasThis ? arguments + 1 : arguments;
            }
            switch (instruction.OpCode.StackBehaviourPop)
            {
                case StackBehaviour.Pop0:
                    return 0;
                case StackBehaviour.Pop1:
                case StackBehaviour.Popi:
                case StackBehaviour.Popref:
                    return 1;
                case StackBehaviour.Pop1_pop1:
                case StackBehaviour.Popi_pop1:
                case StackBehaviour.Popi_popi:
                case StackBehaviour.Popi_popi8:
                case StackBehaviour.Popi_popr4:
                case StackBehaviour.Popi_popr8:
                case StackBehaviour.Popref_pop1:
                case StackBehaviour.Popref_popi:
                    return 2;
                case StackBehaviour.Popi_popi_popi:
                case StackBehaviour.Popref_popi_popi:
                case StackBehaviour.Popref_popi_popi8:
                case StackBehaviour.Popref_popi_popr4:
                case StackBehaviour.Popref_popi_popr8:
                case StackBehaviour.Popref_popi_popref:
                    return 3;
                default:
                    return -1;
            }
        }

        /// <summary>How many values the instruction pushes.</summary>
        public static int Pushes(Instruction instruction)
        {
            if (instruction.Operand is MethodReference method
                && (instruction.OpCode.Code == Code.Call || instruction.OpCode.Code == Code.Callvirt))
                return method.ReturnType.MetadataType == MetadataType.Void ? 0 : 1;
            switch (instruction.OpCode.StackBehaviourPush)
            {
                case StackBehaviour.Push0:
                    return 0;
                case StackBehaviour.Push1_push1:
                    return 2;
                default:
                    // Push1, Pushi, Pushi8, Pushr4, Pushr8, Pushref, and newobj's Varpush.
                    return 1;
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;

namespace OvmsOta.Tests.Host.Conformance
{
    /// <summary>
    /// Which type of one assembly uses which other type of the same assembly: every reference the
    /// <see cref="ReferenceCollector"/> finds (signatures, fields, locals, catch types, IL operands, attributes,
    /// base types), charged to the type that makes it. Nested types count as their outermost type.
    /// </summary>
    public sealed class TypeGraph
    {
        private readonly Dictionary<string, HashSet<string>> uses = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> namespaces = new(StringComparer.Ordinal);

        public TypeGraph(ModuleDefinition module)
        {
            foreach (var type in module.GetTypes())
            {
                var outer = Outermost(type);
                namespaces[ApiName.OfType(type)] = outer.Namespace;
                if (!uses.ContainsKey(Name(outer)))
                    uses[Name(outer)] = new HashSet<string>(StringComparer.Ordinal);
            }
            new ReferenceCollector(new Sink(this, module)).Collect(module);
        }

        /// <summary>Every top-level type (Ns.Type), compiler-generated ones included.</summary>
        public IEnumerable<string> Types => uses.Keys;

        /// <summary>The top-level types of this assembly that type uses (not itself).</summary>
        public IReadOnlyCollection<string> Uses(string type) => uses.TryGetValue(type, out var used) ? used : new HashSet<string>();

        public string NamespaceOf(string type) => namespaces.TryGetValue(type, out var ns) ? ns : null;

        /// <summary>Each namespace-to-namespace edge with the (user type, used type) pairs that make it.</summary>
        public IReadOnlyList<NamespaceEdge> NamespaceEdges()
        {
            var edges = new Dictionary<(string, string), List<(string, string)>>();
            foreach (var user in uses)
            {
                foreach (var used in user.Value)
                {
                    var key = (NamespaceOf(user.Key), NamespaceOf(used));
                    if (key.Item1 == key.Item2)
                        continue;
                    if (!edges.TryGetValue(key, out var pairs))
                        edges[key] = pairs = new List<(string, string)>();
                    pairs.Add((user.Key, used));
                }
            }
            return edges.Select(e => new NamespaceEdge(e.Key.Item1, e.Key.Item2, e.Value.OrderBy(p => p.Item1).ThenBy(p => p.Item2).ToList()))
                .OrderBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.To, StringComparer.Ordinal).ToList();
        }

        /// <summary>The top-level types reachable from roots through uses (roots included).</summary>
        public HashSet<string> ReachableFrom(IEnumerable<string> roots)
        {
            var reached = new HashSet<string>(StringComparer.Ordinal);
            var work = new Stack<string>(roots.Where(uses.ContainsKey));
            while (work.Count > 0)
            {
                var type = work.Pop();
                if (!reached.Add(type))
                    continue;
                foreach (var used in Uses(type))
                    work.Push(used);
            }
            return reached;
        }

        /// <summary>The top-level types of module that other (a different assembly) references.</summary>
        public static HashSet<string> ReferencedFrom(ModuleDefinition other, string assemblyName)
        {
            var found = new HashSet<string>(StringComparer.Ordinal);
            foreach (var type in other.GetTypeReferences())
            {
                var outer = Outermost(type);
                if (outer.Scope is AssemblyNameReference a && a.Name == assemblyName)
                    found.Add(Name(outer));
            }
            return found;
        }

        private static TypeReference Outermost(TypeReference type)
        {
            while (type.DeclaringType != null)
                type = type.DeclaringType;
            return type;
        }

        private static string Name(TypeReference type) => string.IsNullOrEmpty(type.Namespace) ? type.Name : type.Namespace + "." + type.Name;

        private sealed class Sink : IReferenceSink
        {
            private readonly TypeGraph graph;
            private readonly ModuleDefinition module;

            public Sink(TypeGraph graph, ModuleDefinition module)
            {
                this.graph = graph;
                this.module = module;
            }

            public void Type(string user, TypeReference type) => Add(user, type);

            public void Method(string user, MethodReference method)
            {
                if (method is GenericInstanceMethod generic)
                {
                    foreach (var argument in generic.GenericArguments)
                        Add(user, argument);
                    method = generic.ElementMethod;
                }
                Add(user, method.DeclaringType);
                Add(user, method.ReturnType);
                foreach (var parameter in method.Parameters)
                    Add(user, parameter.ParameterType);
            }

            public void Field(string user, FieldReference field)
            {
                Add(user, field.DeclaringType);
                Add(user, field.FieldType);
            }

            public void NamedArgument(string user, TypeReference attributeType, string api) => Add(user, attributeType);

            public void Construct(string user, string what, string reason)
            {
            }

            private void Add(string user, TypeReference type)
            {
                switch (type)
                {
                    case null:
                    case GenericParameter:
                        return;
                    case GenericInstanceType generic:
                        foreach (var argument in generic.GenericArguments)
                            Add(user, argument);
                        Add(user, generic.ElementType);
                        return;
                    case TypeSpecification specification:
                        Add(user, specification.ElementType);
                        return;
                }
                var outer = Outermost(type);
                if (outer.Scope != module && !(outer is TypeDefinition d && d.Module == module))
                    return;
                string userType = user.Split("::")[0];
                if (!graph.namespaces.ContainsKey(userType))
                    return; // [assembly] and [module] attributes
                var userOuter = UserTop(userType);
                var used = Name(outer);
                if (used != userOuter && graph.uses.ContainsKey(used))
                    graph.uses[userOuter].Add(used);
            }

            /// <summary>Ns.Outer+Inner -> Ns.Outer.</summary>
            private static string UserTop(string userType)
            {
                int plus = userType.IndexOf('+');
                return plus < 0 ? userType : userType.Substring(0, plus);
            }
        }
    }

    /// <summary>One namespace using another, with the (user type, used type) pairs that make the edge.</summary>
    public sealed record NamespaceEdge(string From, string To, IReadOnlyList<(string User, string Used)> Pairs)
    {
        public override string ToString() => From + " -> " + To + " (" + Pairs.Count + "): "
            + string.Join(", ", Pairs.Take(4).Select(p => p.User + " uses " + p.Used)) + (Pairs.Count > 4 ? ", ..." : "");
    }
}

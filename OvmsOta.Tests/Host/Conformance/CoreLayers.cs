using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace OvmsOta.Tests.Host.Conformance
{
    /// <summary>
    /// The documented order of OvmsOta.Core's folders (namespaces OvmsOta.&lt;Folder&gt;), read from the top README's
    /// layer list, and the check that every namespace edge points to an earlier layer: none upward, none within a layer.
    /// </summary>
    public sealed class CoreLayers
    {
        public const string Prefix = "OvmsOta.";
        private const string Begin = "<!-- core layers -->";
        private const string End = "<!-- /core layers -->";

        private readonly Dictionary<string, int> layerOf = new(StringComparer.Ordinal);

        public CoreLayers(IEnumerable<string[]> layers)
        {
            int index = 0;
            foreach (var layer in layers)
            {
                index++;
                foreach (var folder in layer)
                    layerOf.Add(Prefix + folder, index);
            }
        }

        /// <summary>The lines "N Folder [Folder ...]" between the layer markers of README.md.</summary>
        public static CoreLayers FromReadme(string readmePath)
        {
            string text = File.ReadAllText(readmePath);
            int begin = text.IndexOf(Begin, StringComparison.Ordinal);
            int end = text.IndexOf(End, StringComparison.Ordinal);
            if (begin < 0 || end < begin)
                throw new InvalidDataException(readmePath + " has no " + Begin + " ... " + End + " block");
            var layers = new List<string[]>();
            foreach (Match line in Regex.Matches(text.Substring(begin, end - begin), @"^\s*(\d+)\s+([A-Za-z][A-Za-z ,]*?)\s*$", RegexOptions.Multiline))
            {
                if (int.Parse(line.Groups[1].Value) != layers.Count + 1)
                    throw new InvalidDataException("layer " + line.Groups[1].Value + " out of order in " + readmePath);
                layers.Add(line.Groups[2].Value.Split(new[] { ' ', ',' }, StringSplitOptions.RemoveEmptyEntries));
            }
            return new CoreLayers(layers);
        }

        public IReadOnlyCollection<string> Namespaces => layerOf.Keys;

        public int LayerOf(string ns) => layerOf.TryGetValue(ns, out int layer) ? layer : 0;

        /// <summary>
        /// Every edge that does not point to an earlier layer, with its layers and the types that make it, and every
        /// namespace of the assembly that is in no layer (or a listed one the assembly does not have).
        /// </summary>
        public IReadOnlyList<string> Violations(IReadOnlyList<NamespaceEdge> edges, IEnumerable<string> assemblyNamespaces)
        {
            var found = new List<string>();
            var present = new HashSet<string>(assemblyNamespaces.Where(ns => !string.IsNullOrEmpty(ns)), StringComparer.Ordinal);
            foreach (var ns in present.Where(ns => !layerOf.ContainsKey(ns)).OrderBy(ns => ns, StringComparer.Ordinal))
                found.Add(ns + " is in no layer of the README's list");
            foreach (var ns in layerOf.Keys.Where(ns => !present.Contains(ns)).OrderBy(ns => ns, StringComparer.Ordinal))
                found.Add(ns + " is listed but the assembly has no such namespace");
            foreach (var edge in edges)
            {
                if (string.IsNullOrEmpty(edge.From) || string.IsNullOrEmpty(edge.To))
                    continue; // compiler-generated types (<PrivateImplementationDetails>) have no namespace
                int from = LayerOf(edge.From), to = LayerOf(edge.To);
                if (from == 0 || to == 0 || to < from)
                    continue;
                found.Add((to == from ? "same layer " : "upward ") + from + " -> " + to + ": " + edge);
            }
            return found;
        }
    }
}
